import { afterEach, describe, expect, it, vi } from "vitest";
import { createLowLevelClient } from "../src/index.js";

function stubFetch() {
  const fetch = vi.fn(async (_request: Request) =>
    new Response(JSON.stringify({ status: "UP" }), {
      status: 200,
      headers: { "content-type": "application/json" },
    }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function firstRequest(fetch: ReturnType<typeof stubFetch>): Request {
  const call = fetch.mock.calls[0];
  if (!call) throw new Error("fetch was not called");
  return call[0];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createLowLevelClient", () => {
  it("calls the path under the base URL with the API key as a bearer token", async () => {
    const fetch = stubFetch();
    const client = createLowLevelClient("https://hub.example.test", "aoh_test_key");

    const { response } = await client.GET("/health");

    expect(response.status).toBe(200);
    const request = firstRequest(fetch);
    expect(request.method).toBe("GET");
    expect(request.url).toBe("https://hub.example.test/health");
    expect(request.headers.get("authorization")).toBe("Bearer aoh_test_key");
  });

  it("sends no Authorization header without an API key", async () => {
    const fetch = stubFetch();
    const client = createLowLevelClient("https://hub.example.test");

    await client.GET("/health");

    expect(firstRequest(fetch).headers.has("authorization")).toBe(false);
  });
});
