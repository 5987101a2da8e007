import { describe, expect, it } from "vitest";
import { AgentOpsClient, detectUsageFormat, normalizeUsage } from "../src/index.js";
import { fakeFetch } from "./helpers.js";

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

// Usage objects as the official provider SDKs return them (shapes from their documentation and type definitions).
const PROVIDER_USAGE = {
  // @google/genai: response.usageMetadata
  gemini: {
    promptTokenCount: 4223,
    candidatesTokenCount: 312,
    totalTokenCount: 5678,
    cachedContentTokenCount: 4096,
    thoughtsTokenCount: 1143,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: 4223 }],
  },
  // @aws-sdk/client-bedrock-runtime ConverseCommand: response.usage
  bedrock: { inputTokens: 12, outputTokens: 155, totalTokens: 1263, cacheReadInputTokens: 0, cacheWriteInputTokens: 1096 },
  // ai v4: result.usage
  vercelV4: { promptTokens: 2000, completionTokens: 500, totalTokens: 2500 },
  // ai v5: result.usage
  vercelV5: { inputTokens: 2006, outputTokens: 300, totalTokens: 2306, reasoningTokens: 0, cachedInputTokens: 1920 },
  // ai v6: result.usage
  vercelV6: {
    inputTokens: 2006,
    inputTokenDetails: { noCacheTokens: 86, cacheReadTokens: 1920, cacheWriteTokens: undefined },
    outputTokens: 300,
    outputTokenDetails: { textTokens: 300, reasoningTokens: 0 },
    totalTokens: 2306,
  },
  // @langchain/core AIMessage.usage_metadata
  langchain: {
    input_tokens: 1653,
    output_tokens: 290,
    total_tokens: 1943,
    input_token_details: { cache_read: 0, cache_creation: 1640 },
  },
  // cohere-ai v2 chat: response.usage
  cohere: { billedUnits: { inputTokens: 17, outputTokens: 12 }, tokens: { inputTokens: 215, outputTokens: 12 } },
  // cohere-ai v1 chat: the response, whose meta carries the billed units
  cohereV1: { meta: { apiVersion: { version: "1" }, billedUnits: { inputTokens: 17, outputTokens: 12 } } },
  // @mistralai/mistralai: response.usage (camelCase, the counts of OpenAI's chat usage)
  mistral: { promptTokens: 16, completionTokens: 34, totalTokens: 50 },
  // Mistral / DeepSeek / Groq REST, and openai-node against them: response.usage
  openaiCompatible: { prompt_tokens: 16, completion_tokens: 34, total_tokens: 50 },
} as const;

describe("detectUsageFormat", () => {
  it("names the shape of each official SDK's usage object", () => {
    expect(detectUsageFormat(PROVIDER_USAGE.gemini)).toBe("gemini");
    expect(detectUsageFormat(PROVIDER_USAGE.bedrock)).toBe("bedrock");
    expect(detectUsageFormat(PROVIDER_USAGE.vercelV4)).toBe("vercel_ai");
    expect(detectUsageFormat(PROVIDER_USAGE.vercelV5)).toBe("vercel_ai");
    expect(detectUsageFormat(PROVIDER_USAGE.vercelV6)).toBe("vercel_ai");
    expect(detectUsageFormat(PROVIDER_USAGE.langchain)).toBe("langchain");
    expect(detectUsageFormat(PROVIDER_USAGE.cohere)).toBe("cohere");
    expect(detectUsageFormat(PROVIDER_USAGE.cohereV1)).toBe("cohere");
    expect(detectUsageFormat(PROVIDER_USAGE.mistral)).toBe("vercel_ai");
    expect(detectUsageFormat(PROVIDER_USAGE.openaiCompatible)).toBe("openai");
    expect(detectUsageFormat({ input_tokens: 10, output_tokens: 2, cache_read_input_tokens: 5 })).toBe("anthropic");
    expect(detectUsageFormat({ tokens_in: 10 })).toBeUndefined();
  });

  it("refuses to normalise on the client a shape the hub reads", () => {
    expect(() => normalizeUsage(PROVIDER_USAGE.gemini)).toThrow(/hub reads gemini usage as it is/);
  });
});

describe("recordLlmCall with provider usage objects", () => {
  async function sentEvent(usage: object, usageFormat?: any) {
    const { fetch, calls } = fakeFetch();
    const client = new AgentOpsClient({ apiKey: "aoh_test", agentId: "agent-1", baseUrl: "https://hub.test", flushIntervalMs: 0, fetch });
    const runId = await client.startRun();
    await client.recordLlmCall({ runId, model: "some-model", usage, usageFormat });
    await client.flush();
    await client.shutdown();
    return calls.find((c) => c.body?.events?.length)!.body.events[0];
  }

  it("sends Gemini, Bedrock, Vercel AI SDK, LangChain and Cohere usage as returned, with the shape as the hint", async () => {
    const cases: Array<[object, string]> = [
      [PROVIDER_USAGE.gemini, "gemini"],
      [PROVIDER_USAGE.bedrock, "bedrock"],
      [PROVIDER_USAGE.vercelV4, "vercel_ai"],
      [PROVIDER_USAGE.vercelV5, "vercel_ai"],
      [PROVIDER_USAGE.langchain, "langchain"],
      [PROVIDER_USAGE.cohere, "cohere"],
      [PROVIDER_USAGE.cohereV1, "cohere"],
    ];
    for (const [usage, hint] of cases) {
      const event = await sentEvent(usage);
      expect(event.usage_format, hint).toBe(hint);
      expect(event.token_usage).toEqual(JSON.parse(JSON.stringify(usage)));
    }
  });

  it("still normalises OpenAI-compatible usage on the client", async () => {
    const event = await sentEvent(PROVIDER_USAGE.openaiCompatible);
    expect(event.usage_format).toBe("agentops");
    expect(event.token_usage).toMatchObject({ input_tokens: 16, output_tokens: 34 });
  });

  it("sends an unknown usage object without a hint (the hub stores the call unpriced, never $0)", async () => {
    const event = await sentEvent({ tokens_in: 1200, tokens_out: 300 });
    expect(event).not.toHaveProperty("usage_format");
    expect(event.token_usage).toEqual({ tokens_in: 1200, tokens_out: 300 });
  });

  it("lets the caller's hint win", async () => {
    const event = await sentEvent(PROVIDER_USAGE.bedrock, "vercel_ai");
    expect(event.usage_format).toBe("vercel_ai");
  });
});
