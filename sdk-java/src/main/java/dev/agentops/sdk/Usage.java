package dev.agentops.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token usage in the API's canonical form (API.md): {@code inputTokens} counts every prompt token, cached ones
 * included, and {@code cacheRead}/{@code cacheCreation} say how many of those were read from or written to the
 * provider's cache; {@code outputTokens} counts every generated token, reasoning included, and
 * {@code reasoningTokens} says how many were reasoning. The SDK normalises provider usage objects into this form on
 * the client and sends it with {@code usage_format: "agentops"}.
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheCreationInputTokens,
                    long cacheCreation1hInputTokens, long reasoningTokens) {

    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, 0, 0, 0, 0);
    }

    /**
     * OpenAI usage: Chat Completions ({@code prompt_tokens}, {@code completion_tokens},
     * {@code prompt_tokens_details.cached_tokens}, {@code completion_tokens_details.reasoning_tokens}) or Responses
     * ({@code input_tokens}, {@code output_tokens} and their {@code _details}). OpenAI already counts cached tokens
     * in the prompt and reasoning tokens in the completion.
     */
    public static Usage fromOpenAi(Map<String, ?> usage) {
        boolean chat = isOpenAiChat(usage);
        String in = chat ? "prompt_tokens" : "input_tokens";
        String out = chat ? "completion_tokens" : "output_tokens";
        return new Usage(count(usage, in), count(usage, out), count(nested(usage, in + "_details"), "cached_tokens"), 0, 0,
            count(nested(usage, out + "_details"), "reasoning_tokens"));
    }

    /**
     * Anthropic Messages usage: its {@code input_tokens} excludes cache reads and writes, so input =
     * {@code input_tokens + cache_read_input_tokens + cache writes}; writes come from {@code cache_creation}
     * ({@code ephemeral_5m_input_tokens}, {@code ephemeral_1h_input_tokens}) or the flat
     * {@code cache_creation_input_tokens} (5-minute). Output includes thinking.
     */
    public static Usage fromAnthropic(Map<String, ?> usage) {
        long read = count(usage, "cache_read_input_tokens");
        Map<String, ?> creation = nested(usage, "cache_creation");
        long write5m;
        long write1h;
        if (usage.get("cache_creation") instanceof Map<?, ?>) {
            write5m = count(creation, "ephemeral_5m_input_tokens");
            write1h = count(creation, "ephemeral_1h_input_tokens");
        } else {
            write5m = count(usage, "cache_creation_input_tokens");
            write1h = 0;
        }
        return new Usage(count(usage, "input_tokens") + read + write5m + write1h, count(usage, "output_tokens"), read,
            write5m, write1h, 0);
    }

    /** The canonical AgentOps shape (keys as in API.md), taken as is. */
    public static Usage fromAgentOps(Map<String, ?> usage) {
        return new Usage(count(usage, "input_tokens"), count(usage, "output_tokens"), count(usage, "cache_read_input_tokens"),
            count(usage, "cache_creation_input_tokens"), count(usage, "cache_creation_1h_input_tokens"),
            count(usage, "reasoning_tokens"));
    }

    /**
     * Recognises the shape ({@link #detect}) and reads it; only for the shapes the SDK normalises (OpenAI, Anthropic,
     * canonical): the others are {@link IllegalArgumentException}, pass them as maps to
     * {@link LlmCall.Builder#usage(Map)}, which sends them to the hub as they are.
     */
    public static Usage from(Map<String, ?> usage) {
        return usage == null ? null : from(usage, detect(usage));
    }

    /** Reads the usage object as the given shape (OpenAI, Anthropic or canonical). */
    public static Usage from(Map<String, ?> usage, UsageFormat format) {
        if (usage == null) {
            return null;
        }
        if (format == null || !format.normalisedBySdk()) {
            throw new IllegalArgumentException("Usage reads openai, anthropic and agentops usage; the hub reads "
                + (format == null ? "this" : format.wire()) + " usage as it is (pass the map to LlmCall.Builder.usage)");
        }
        return switch (format) {
            case OPENAI -> fromOpenAi(usage);
            case ANTHROPIC -> fromAnthropic(usage);
            default -> fromAgentOps(usage);
        };
    }

    /**
     * The shape of a usage object as the official provider SDKs return it (serialised to a map), exactly as the
     * TypeScript SDK's {@code detectUsageFormat}: OpenAI Chat or Responses and the OpenAI-compatible APIs →
     * OPENAI; {@code input_token_details}/{@code output_token_details} → LANGCHAIN; {@code *TokenCount} or
     * {@code *_token_count} keys → GEMINI; {@code billed_units}/{@code billedUnits} (also under {@code meta}) → COHERE;
     * {@code cacheReadInputTokens}, {@code cacheWriteInputTokens}, {@code cacheDetails} → BEDROCK;
     * {@code promptTokens}, {@code inputTokens} and the other camelCase counts → VERCEL_AI (a bare Bedrock
     * {@code {inputTokens, outputTokens}} reads the same); {@code reasoning_tokens} or
     * {@code cache_creation_1h_input_tokens} → AGENTOPS; any other {@code input_tokens}... (the Anthropic SDK's
     * {@code usage}) → ANTHROPIC; nothing known → null (sent without a hint: the hub stores it unpriced, never $0).
     */
    public static UsageFormat detect(Map<String, ?> usage) {
        if (has(usage, "prompt_tokens", "completion_tokens", "prompt_cache_hit_tokens")
            || usage.get("prompt_tokens_details") instanceof Map<?, ?> || usage.get("completion_tokens_details") instanceof Map<?, ?>
            || has(usage, "input_tokens_details", "output_tokens_details")) {
            return UsageFormat.OPENAI;
        }
        if (has(usage, "input_token_details", "output_token_details")) {
            return UsageFormat.LANGCHAIN;
        }
        if (usage.keySet().stream().anyMatch(k -> k.endsWith("TokenCount") || k.endsWith("_token_count"))) {
            return UsageFormat.GEMINI;
        }
        if (has(usage, "billed_units", "billedUnits") || has(nested(usage, "meta"), "billed_units", "billedUnits")) {
            return UsageFormat.COHERE;
        }
        if (has(usage, "cacheReadInputTokens", "cacheWriteInputTokens", "cacheDetails")) {
            return UsageFormat.BEDROCK;
        }
        if (has(usage, "promptTokens", "completionTokens", "inputTokens", "outputTokens", "cachedInputTokens",
            "reasoningTokens", "inputTokenDetails", "outputTokenDetails")) {
            return UsageFormat.VERCEL_AI;
        }
        if (has(usage, "reasoning_tokens", "cache_creation_1h_input_tokens")) {
            return UsageFormat.AGENTOPS;
        }
        if (has(usage, "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens",
            "cache_creation")) {
            return UsageFormat.ANTHROPIC;
        }
        return null;
    }

    private static boolean has(Map<String, ?> usage, String... keys) {
        for (String key : keys) {
            if (usage.get(key) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpenAiChat(Map<String, ?> usage) {
        return usage.containsKey("prompt_tokens") || usage.containsKey("completion_tokens")
            || usage.containsKey("prompt_tokens_details") || usage.containsKey("completion_tokens_details");
    }

    /** The wire form ({@code token_usage}). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_tokens", inputTokens);
        map.put("output_tokens", outputTokens);
        map.put("cache_read_input_tokens", cacheReadInputTokens);
        map.put("cache_creation_input_tokens", cacheCreationInputTokens);
        map.put("cache_creation_1h_input_tokens", cacheCreation1hInputTokens);
        map.put("reasoning_tokens", reasoningTokens);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> nested(Map<String, ?> usage, String key) {
        Object value = usage == null ? null : usage.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
    }

    private static long count(Map<String, ?> usage, String key) {
        Object value = usage.get(key);
        // like the TypeScript SDK: numbers only (fractions cut), anything else counts 0
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.longValue();
        }
        return 0;
    }
}
