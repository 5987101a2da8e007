import type { UsageFormat } from "../types.js";

/**
 * Token usage in the API's canonical ("agentops") form. `input_tokens` counts every prompt token, cached ones
 * included; `cache_read_input_tokens` / `cache_creation_input_tokens` (5-minute writes) /
 * `cache_creation_1h_input_tokens` say how many of those were read from or written to the provider's cache.
 * `output_tokens` counts every generated token, reasoning included; `reasoning_tokens` says how many were reasoning.
 */
export interface CanonicalUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  cache_creation_1h_input_tokens: number;
  reasoning_tokens: number;
}

/** OpenAI Chat Completions usage (`response.usage`). */
export interface OpenAIChatUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
}

/** OpenAI Responses API usage. */
export interface OpenAIResponsesUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  input_tokens_details?: { cached_tokens?: number | null } | null;
  output_tokens_details?: { reasoning_tokens?: number | null } | null;
}

/** Anthropic Messages usage: `input_tokens` EXCLUDES cache reads and writes. */
export interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_creation?: { ephemeral_5m_input_tokens?: number | null; ephemeral_1h_input_tokens?: number | null } | null;
}

export type { UsageFormat };
export type AnyUsage = OpenAIChatUsage | OpenAIResponsesUsage | AnthropicUsage | Partial<CanonicalUsage>;

// like the Java SDK: numbers only (fractions cut), anything else counts 0
const n = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : 0);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" ? (v as Record<string, unknown>) : {};

/**
 * Which shape a usage object has. Without a hint: `prompt_tokens`/`completion_tokens` (or their details) is OpenAI
 * Chat; `input_tokens_details`/`output_tokens_details` is OpenAI Responses; `reasoning_tokens` or
 * `cache_creation_1h_input_tokens` is already canonical; anything else with `input_tokens` (the Anthropic SDK's
 * `usage`) is Anthropic. Pass `usageFormat: "agentops"` for canonical objects without those keys.
 */
export function detectUsageFormat(usage: object): UsageFormat {
  const u = usage as Record<string, unknown>;
  if ("prompt_tokens" in u || "completion_tokens" in u || "prompt_tokens_details" in u || "completion_tokens_details" in u)
    return "openai";
  if ("input_tokens_details" in u || "output_tokens_details" in u) return "openai";
  if ("reasoning_tokens" in u || "cache_creation_1h_input_tokens" in u) return "agentops";
  return "anthropic";
}

/** Normalises an OpenAI- or Anthropic-shaped (or canonical) usage object into the API's canonical form. */
export function normalizeUsage(usage: AnyUsage | null | undefined, format?: UsageFormat): CanonicalUsage {
  const u = obj(usage);
  const shape = format ?? detectUsageFormat(u);
  if (shape === "openai") {
    const chat = "prompt_tokens" in u || "completion_tokens" in u || "prompt_tokens_details" in u || "completion_tokens_details" in u;
    const input = n(chat ? u["prompt_tokens"] : u["input_tokens"]);
    const output = n(chat ? u["completion_tokens"] : u["output_tokens"]);
    const cached = n(obj(chat ? u["prompt_tokens_details"] : u["input_tokens_details"])["cached_tokens"]);
    const reasoning = n(obj(chat ? u["completion_tokens_details"] : u["output_tokens_details"])["reasoning_tokens"]);
    return {
      input_tokens: input,
      output_tokens: output,
      cache_read_input_tokens: cached,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      reasoning_tokens: reasoning,
    };
  }
  if (shape === "anthropic") {
    const uncached = n(u["input_tokens"]);
    const read = n(u["cache_read_input_tokens"]);
    const nested = u["cache_creation"] && typeof u["cache_creation"] === "object" ? obj(u["cache_creation"]) : undefined;
    const write5m = nested ? n(nested["ephemeral_5m_input_tokens"]) : n(u["cache_creation_input_tokens"]);
    const write1h = nested ? n(nested["ephemeral_1h_input_tokens"]) : 0;
    return {
      input_tokens: uncached + read + write5m + write1h,
      output_tokens: n(u["output_tokens"]),
      cache_read_input_tokens: read,
      cache_creation_input_tokens: write5m,
      cache_creation_1h_input_tokens: write1h,
      reasoning_tokens: 0,
    };
  }
  return {
    input_tokens: n(u["input_tokens"]),
    output_tokens: n(u["output_tokens"]),
    cache_read_input_tokens: n(u["cache_read_input_tokens"]),
    cache_creation_input_tokens: n(u["cache_creation_input_tokens"]),
    cache_creation_1h_input_tokens: n(u["cache_creation_1h_input_tokens"]),
    reasoning_tokens: n(u["reasoning_tokens"]),
  };
}
