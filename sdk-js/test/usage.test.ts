import { describe, expect, it } from "vitest";
import { normalizeUsage } from "../src/index.js";

describe("normalizeUsage", () => {
  it("OpenAI chat: prompt includes cached, completion includes reasoning", () => {
    expect(
      normalizeUsage({
        prompt_tokens: 1000,
        completion_tokens: 200,
        prompt_tokens_details: { cached_tokens: 400 },
        completion_tokens_details: { reasoning_tokens: 50 },
      }),
    ).toEqual({
      input_tokens: 1000,
      output_tokens: 200,
      cache_read_input_tokens: 400,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      reasoning_tokens: 50,
    });
  });

  it("OpenAI responses", () => {
    expect(
      normalizeUsage({ input_tokens: 10, output_tokens: 5, input_tokens_details: { cached_tokens: 3 }, output_tokens_details: { reasoning_tokens: 2 } }),
    ).toMatchObject({ input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 3, reasoning_tokens: 2 });
  });

  it("Anthropic: input_tokens excludes cache, so reads and writes are added", () => {
    expect(
      normalizeUsage({
        input_tokens: 100,
        output_tokens: 20,
        cache_read_input_tokens: 300,
        cache_creation_input_tokens: 60,
        cache_creation: { ephemeral_5m_input_tokens: 50, ephemeral_1h_input_tokens: 10 },
      }),
    ).toEqual({
      input_tokens: 460,
      output_tokens: 20,
      cache_read_input_tokens: 300,
      cache_creation_input_tokens: 50,
      cache_creation_1h_input_tokens: 10,
      reasoning_tokens: 0,
    });
    expect(normalizeUsage({ input_tokens: 100, output_tokens: 1, cache_creation_input_tokens: 40 })).toMatchObject({
      input_tokens: 140,
      cache_creation_input_tokens: 40,
    });
  });

  it("canonical form passes through with the agentops hint", () => {
    const canonical = { input_tokens: 100, output_tokens: 1, cache_read_input_tokens: 40 };
    expect(normalizeUsage(canonical, "agentops")).toMatchObject(canonical);
  });
});

describe("randomUUID fallback", () => {
  it("makes v4 UUIDs without crypto.randomUUID", async () => {
    const { randomUUID } = await import("../src/core/uuid.js");
    const { vi } = await import("vitest");
    vi.stubGlobal("crypto", { getRandomValues: (a: Uint8Array) => a.fill(255) });
    try {
      expect(randomUUID()).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
      vi.stubGlobal("crypto", undefined);
      expect(randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
