package dev.agentops.hub.pricing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the usage object a client sent (the {@code token_usage} of a run or event) into a {@link TokenUsage}.
 *
 * <p>The shape is the one the {@code formatHint} names (a hint always wins), else the first of these the object's
 * keys make unambiguous: Anthropic (a nested {@code cache_creation} object), OpenAI Chat Completions and compatible
 * ({@code prompt_tokens}, {@code completion_tokens} or their {@code _details}), OpenAI Responses
 * ({@code input_tokens_details}/{@code output_tokens_details}), LangChain ({@code input_token_details}/
 * {@code output_token_details}), Gemini ({@code promptTokenCount} and the other {@code *TokenCount} keys, or their
 * snake_case), Cohere ({@code billed_units}, also under {@code meta}), Bedrock Converse ({@code cacheReadInputTokens},
 * {@code cacheWriteInputTokens}, {@code cacheDetails}), Vercel AI SDK v4 ({@code promptTokens}/{@code completionTokens}),
 * Vercel AI SDK v5/v6 ({@code inputTokens} and the other camelCase keys; a bare {@code {inputTokens, outputTokens}}
 * from Bedrock reads the same), and otherwise ours (AgentOps: {@code input_tokens}, {@code output_tokens},
 * {@code cache_read_input_tokens}, {@code cache_creation_input_tokens}, {@code cache_creation_1h_input_tokens},
 * {@code reasoning_tokens}). Each shape's mapping is in {@link UsageShapes} and docs/api.md. An Anthropic object
 * without the nested {@code cache_creation} object and without the hint reads as ours, whose {@code input_tokens}
 * includes cached tokens: send the hint (the SDKs do).
 *
 * <p>An object that has values but not one count of its shape is <b>unrecognised</b> ({@link NormalizedUsage#recognized}
 * false): it must be stored unpriced, never priced as 0, with its keys listed. A recognised object's numeric keys
 * that its shape does not know are listed too; its cost comes from the counts it has. Missing or {@code null} counts
 * are 0, and an object without any value is no usage.
 *
 * <p>Rejected with an {@link IllegalArgumentException} whose message names the field (callers answer
 * {@code 400 validation_failed}): counts that are negative, not whole numbers (12.0 is whole, 12.5 and "12" are not),
 * above 10^12, a details value that is not an object, and totals that contradict each other (cache reads and writes
 * above the input, reasoning above the output).
 */
public final class UsageNormalizer {

    /** Far above any real call (a million calls of a million tokens), low enough that sums never overflow. */
    public static final long MAX_TOKENS = 1_000_000_000_000L;
    /** Unrecognised keys kept per usage object (and their paths cut at 100 characters): provenance, not a copy. */
    public static final int MAX_LISTED_KEYS = 20;

    private static final List<String> GEMINI_KEYS = List.of("promptTokenCount", "candidatesTokenCount", "thoughtsTokenCount",
        "cachedContentTokenCount", "toolUsePromptTokenCount", "totalTokenCount", "responseTokenCount", "prompt_token_count",
        "candidates_token_count", "thoughts_token_count", "cached_content_token_count", "tool_use_prompt_token_count",
        "total_token_count", "response_token_count");
    private static final String FORMATS = Arrays.stream(UsageFormat.values()).map(UsageFormat::wireName)
        .collect(Collectors.joining(", "));

    private UsageNormalizer() {
    }

    /**
     * The counts only: {@link TokenUsage#ZERO} for an unrecognised object. Callers that price must use {@link #read}
     * and leave an unrecognised usage unpriced.
     *
     * @param raw        the client's usage object as parsed JSON; {@code null} means no usage ({@link TokenUsage#ZERO})
     * @param formatHint a {@link UsageFormat} wire name or {@code null} to recognise the shape
     */
    public static TokenUsage normalize(Map<String, Object> raw, String formatHint) {
        return read(raw, formatHint).usage();
    }

    /**
     * @param raw        the client's usage object as parsed JSON; {@code null} means no usage ({@link NormalizedUsage#NONE})
     * @param formatHint a {@link UsageFormat} wire name or {@code null} to recognise the shape
     */
    public static NormalizedUsage read(Map<String, Object> raw, String formatHint) {
        if (raw == null) {
            return NormalizedUsage.NONE;
        }
        UsageFields fields = UsageFields.of(raw);
        TokenUsage usage = shapeOf(fields, formatHint).apply(fields);
        if (!fields.counted()) {
            List<String> keys = fields.allKeys();
            return keys.isEmpty() ? NormalizedUsage.NONE : new NormalizedUsage(TokenUsage.ZERO, false, listed(keys));
        }
        return new NormalizedUsage(usage, true, listed(fields.unusedNumericKeys()));
    }

    private static Function<UsageFields, TokenUsage> shapeOf(UsageFields f, String formatHint) {
        // Gemini's Python SDK has a prompt_tokens_details too, but a list: only the objects are OpenAI's
        boolean chat = f.has("prompt_tokens", "completion_tokens", "prompt_cache_hit_tokens")
            || f.hasObject("prompt_tokens_details") || f.hasObject("completion_tokens_details");
        boolean vercelV4 = f.has("promptTokens", "completionTokens");
        if (formatHint == null) {
            return recognise(f, chat, vercelV4);
        }
        return switch (formatHint.trim().toLowerCase(Locale.ROOT)) {
            case "anthropic" -> UsageShapes::anthropic;
            case "openai" -> chat ? UsageShapes::openAiChat : UsageShapes::openAiResponses;
            case "agentops" -> UsageShapes::agentOps;
            case "gemini" -> UsageShapes::gemini;
            case "bedrock" -> UsageShapes::bedrock;
            case "vercel_ai" -> vercelV4 ? UsageShapes::vercelV4 : UsageShapes::vercelV5;
            case "langchain" -> UsageShapes::langChain;
            case "cohere" -> UsageShapes::cohere;
            default -> throw new IllegalArgumentException("unknown usage format '" + shorten(formatHint) + "'; use one of "
                + FORMATS);
        };
    }

    /** Without a hint: the first shape whose keys the object has, in the order of the class comment. */
    private static Function<UsageFields, TokenUsage> recognise(UsageFields f, boolean chat, boolean vercelV4) {
        return f.hasObject("cache_creation") ? UsageShapes::anthropic
            : chat ? UsageShapes::openAiChat
            : f.has("input_tokens_details", "output_tokens_details") ? UsageShapes::openAiResponses
            : f.has("input_token_details", "output_token_details") ? UsageShapes::langChain
            : f.has(GEMINI_KEYS.toArray(String[]::new)) ? UsageShapes::gemini
            : f.has("billed_units", "billedUnits")
                || f.hasObject("meta") && f.child("meta").has("billed_units", "billedUnits") ? UsageShapes::cohere
            : f.has("cacheReadInputTokens", "cacheWriteInputTokens", "cacheDetails") ? UsageShapes::bedrock
            : vercelV4 ? UsageShapes::vercelV4
            : f.has("inputTokens", "outputTokens", "cachedInputTokens", "reasoningTokens", "inputTokenDetails",
                "outputTokenDetails") ? UsageShapes::vercelV5
            : UsageShapes::agentOps;
    }

    private static List<String> listed(List<String> keys) {
        return keys.stream().map(UsageNormalizer::shortenKey).sorted().distinct().limit(MAX_LISTED_KEYS).toList();
    }

    private static String shortenKey(String key) {
        return key.length() <= 100 ? key : key.substring(0, 100) + "...";
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
