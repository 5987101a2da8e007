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
/** Any provider's usage object as its SDK returns it (Gemini `usageMetadata`, Bedrock, Vercel AI SDK, LangChain, Cohere...). */
export type ProviderUsage = AnyUsage | object;

// like the Java SDK: numbers only (fractions cut), anything else counts 0
const n = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : 0);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" ? (v as Record<string, unknown>) : {};

const has = (u: Record<string, unknown>, ...keys: string[]) => keys.some((k) => u[k] !== undefined && u[k] !== null);
const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Which shape a usage object has, as the official provider SDKs return it: OpenAI Chat or Responses (and the
 * OpenAI-compatible APIs: Mistral's REST shape, DeepSeek, Groq...) → `openai`; LangChain `usage_metadata`
 * (`input_token_details`/`output_token_details`) → `langchain`; Gemini / Vertex AI `usageMetadata`
 * (`promptTokenCount`...) → `gemini`; Cohere (`billedUnits`/`billed_units`, also under `meta`) → `cohere`; Bedrock
 * Converse (`cacheReadInputTokens`, `cacheWriteInputTokens`, `cacheDetails`) → `bedrock`; Vercel AI SDK v4/v5/v6
 * (`promptTokens`, `inputTokens`...; also the Mistral TypeScript SDK's camelCase usage) → `vercel_ai`;
 * `reasoning_tokens` or `cache_creation_1h_input_tokens` → already canonical (`agentops`); any other
 * `{ input_tokens, ... }` (the Anthropic SDK's `usage`) → `anthropic`. Nothing known → `undefined`: the object is
 * sent as it is and the hub, if it does not recognise it either, stores the call unpriced (never as $0).
 */
export function detectUsageFormat(usage: object): UsageFormat | undefined {
  const u = usage as Record<string, unknown>;
  if (has(u, "prompt_tokens", "completion_tokens", "prompt_cache_hit_tokens")) return "openai";
  if (isObject(u["prompt_tokens_details"]) || isObject(u["completion_tokens_details"])) return "openai";
  if (has(u, "input_tokens_details", "output_tokens_details")) return "openai";
  if (has(u, "input_token_details", "output_token_details")) return "langchain";
  if (Object.keys(u).some((k) => /TokenCount$|_token_count$/.test(k))) return "gemini";
  if (has(u, "billed_units", "billedUnits") || (isObject(u["meta"]) && has(obj(u["meta"]), "billed_units", "billedUnits")))
    return "cohere";
  if (has(u, "cacheReadInputTokens", "cacheWriteInputTokens", "cacheDetails")) return "bedrock";
  if (has(u, "promptTokens", "completionTokens", "inputTokens", "outputTokens", "cachedInputTokens", "reasoningTokens"))
    return "vercel_ai";
  if (has(u, "inputTokenDetails", "outputTokenDetails")) return "vercel_ai";
  if (has(u, "reasoning_tokens", "cache_creation_1h_input_tokens")) return "agentops";
  if (has(u, "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens", "cache_creation"))
    return "anthropic";
  return undefined;
}

/** The shapes this SDK turns into the canonical form itself; the hub reads the others as they are. */
const NORMALISED_HERE: readonly UsageFormat[] = ["openai", "anthropic", "agentops"];

/**
 * The `token_usage` and `usage_format` of an event for a provider usage object: OpenAI, Anthropic and canonical
 * objects normalised here (`usage_format: "agentops"`); Gemini, Bedrock, Vercel AI SDK, LangChain and Cohere objects
 * sent as they are with their shape as the hint; an object of no known shape sent as it is without a hint.
 */
export function usageFields(
  usage: object,
  format?: UsageFormat,
): { token_usage: Record<string, unknown>; usage_format?: UsageFormat } {
  const shape = format ?? detectUsageFormat(usage);
  if (shape === undefined) return { token_usage: { ...(usage as Record<string, unknown>) } };
  if (NORMALISED_HERE.includes(shape)) return { token_usage: { ...normalizeUsage(usage as AnyUsage, shape) }, usage_format: "agentops" };
  return { token_usage: { ...(usage as Record<string, unknown>) }, usage_format: shape };
}

/** Normalises an OpenAI- or Anthropic-shaped (or canonical) usage object into the API's canonical form (other shapes throw). */
export function normalizeUsage(usage: AnyUsage | null | undefined, format?: UsageFormat): CanonicalUsage {
  const u = obj(usage);
  const shape = format ?? detectUsageFormat(u) ?? "agentops";
  if (!NORMALISED_HERE.includes(shape)) {
    throw new TypeError(`normalizeUsage reads openai, anthropic and agentops usage; the hub reads ${shape} usage as it is (pass it to recordLlmCall)`);
  }
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
