import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AgentOpsClient } from "../src/index.js";
import { fakeFetch } from "./helpers.js";

// The payload contract shared with the Java SDK (its PayloadContractTest reads the same file): each case's calls
// must send exactly the bodies listed, byte for byte.
const FIXTURE = fileURLToPath(new URL("../../docs/contract/sdk-payloads.json", import.meta.url));
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
  clock: string;
  client: { agentId: string; flushAt: number };
  cases: { name: string; options?: { flushAt?: number }; calls: { method: string; args: any }[]; expected: string[] }[];
};

describe("docs/contract/sdk-payloads.json", () => {
  it("has a case for every method that sends", () => {
    const methods = new Set(fixture.cases.flatMap((c) => c.calls.map((call) => call.method)));
    for (const method of ["startRun", "endRun", "recordLlmCall", "recordToolCall", "recordExternalAction", "recordError", "flush"]) {
      expect(methods.has(method), method).toBe(true);
    }
  });

  for (const testCase of fixture.cases) {
    it(`sends the fixture's bodies byte for byte: ${testCase.name}`, async () => {
      const { fetch, calls } = fakeFetch();
      let next = 0;
      const client = new AgentOpsClient({
        apiKey: "aoh_test",
        baseUrl: "https://hub.test",
        agentId: fixture.client.agentId,
        flushAt: testCase.options?.flushAt ?? fixture.client.flushAt,
        flushIntervalMs: 0,
        strict: true,
        fetch,
        clock: () => Date.parse(fixture.clock),
        newId: () => `00000000-0000-4000-8000-${String(++next).padStart(12, "0")}`,
      });
      for (const call of testCase.calls) {
        const method = (client as any)[call.method] as ((args: unknown) => Promise<unknown>) | undefined;
        if (typeof method !== "function") throw new Error(`the fixture calls ${call.method}, which the client lacks`);
        await method.call(client, call.method === "flush" ? undefined : call.args);
      }
      await client.shutdown();
      expect(calls.map((c) => c.raw)).toEqual(testCase.expected);
      expect(calls.every((c) => c.url === "https://hub.test/api/v1/ingest/run")).toBe(true);
    });
  }
});
