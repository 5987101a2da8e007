package dev.agentops.hub.pricing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the usage object a client sent (the {@code token_usage} of a run or event) into a {@link TokenUsage}.
 *
 * <p>Shapes, tried in this order (the first that applies wins):
 * <ol>
 *   <li><b>Anthropic</b> (Messages API), when {@code formatHint} is {@code "anthropic"} or, without a hint, when the
 *   object has a nested {@code cache_creation} object. Anthropic's {@code input_tokens} counts only the prompt
 *   tokens that were neither read from nor written to the cache, so input = {@code input_tokens} +
 *   {@code cache_read_input_tokens} + cache writes. Cache writes come from {@code cache_creation.ephemeral_5m_input_tokens}
 *   and {@code cache_creation.ephemeral_1h_input_tokens}; without that object {@code cache_creation_input_tokens}
 *   counts as 5-minute writes; with both, the flat count must equal the sum of the nested ones. Output is
 *   {@code output_tokens} (thinking included; Anthropic reports no separate reasoning count).</li>
 *   <li><b>OpenAI Chat Completions</b>, when the hint is {@code "openai"} or absent and the object has
 *   {@code prompt_tokens}, {@code completion_tokens} or their {@code _details}: input = {@code prompt_tokens},
 *   cache read = {@code prompt_tokens_details.cached_tokens}, output = {@code completion_tokens}, reasoning =
 *   {@code completion_tokens_details.reasoning_tokens}.</li>
 *   <li><b>OpenAI Responses</b>, when the hint is {@code "openai"} (and no Chat key is present) or, without a hint,
 *   when the object has {@code input_tokens_details} or {@code output_tokens_details}: input = {@code input_tokens},
 *   cache read = {@code input_tokens_details.cached_tokens}, output = {@code output_tokens}, reasoning =
 *   {@code output_tokens_details.reasoning_tokens}.</li>
 *   <li><b>AgentOps</b> (docs/api.md; the hint {@code "agentops"} forces it, and it is the fallback):
 *   {@code input_tokens}, {@code output_tokens}, {@code cache_read_input_tokens}, {@code cache_creation_input_tokens}
 *   (5-minute writes), {@code cache_creation_1h_input_tokens}, {@code reasoning_tokens}.</li>
 * </ol>
 * Missing or {@code null} counts are 0; other keys ({@code total_tokens}, {@code service_tier}...) are ignored.
 * An Anthropic object without the nested {@code cache_creation} object and without the hint reads as the AgentOps
 * shape, whose {@code input_tokens} includes cached tokens: send the hint (the SDKs do) or normalise first.
 *
 * <p>Rejected with an {@link IllegalArgumentException} whose message names the field (callers answer
 * {@code 400 validation_failed}): counts that are negative, not whole numbers (12.0 is whole, 12.5 and "12" are not),
 * above 10^12, a {@code _details}/{@code cache_creation} value that is not an object, and totals that contradict
 * each other (cache reads and writes above the input, reasoning above the output).
 */
public final class UsageNormalizer {

    /** Far above any real call (a million calls of a million tokens), low enough that sums never overflow. */
    public static final long MAX_TOKENS = 1_000_000_000_000L;
    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_TOKENS);

    private enum Shape { ANTHROPIC, OPENAI_CHAT, OPENAI_RESPONSES, AGENTOPS }

    private UsageNormalizer() {
    }

    /**
     * @param raw        the client's usage object as parsed JSON; {@code null} means no usage ({@link TokenUsage#ZERO})
     * @param formatHint {@code "openai"}, {@code "anthropic"}, {@code "agentops"} or {@code null} to recognise the shape
     */
    public static TokenUsage normalize(Map<String, Object> raw, String formatHint) {
        if (raw == null) {
            return TokenUsage.ZERO;
        }
        return switch (shapeOf(raw, formatHint)) {
            case ANTHROPIC -> anthropic(raw);
            case OPENAI_CHAT ->
                openAi(raw, "prompt_tokens", "prompt_tokens_details", "completion_tokens", "completion_tokens_details");
            case OPENAI_RESPONSES ->
                openAi(raw, "input_tokens", "input_tokens_details", "output_tokens", "output_tokens_details");
            case AGENTOPS -> agentOps(raw);
        };
    }

    private static Shape shapeOf(Map<String, Object> raw, String formatHint) {
        boolean chat = raw.containsKey("prompt_tokens") || raw.containsKey("completion_tokens")
            || raw.containsKey("prompt_tokens_details") || raw.containsKey("completion_tokens_details");
        if (formatHint == null) {
            if (raw.get("cache_creation") instanceof Map<?, ?>) {
                return Shape.ANTHROPIC;
            }
            if (chat) {
                return Shape.OPENAI_CHAT;
            }
            if (raw.containsKey("input_tokens_details") || raw.containsKey("output_tokens_details")) {
                return Shape.OPENAI_RESPONSES;
            }
            return Shape.AGENTOPS;
        }
        return switch (formatHint.trim().toLowerCase(Locale.ROOT)) {
            case "anthropic" -> Shape.ANTHROPIC;
            case "openai" -> chat ? Shape.OPENAI_CHAT : Shape.OPENAI_RESPONSES;
            case "agentops" -> Shape.AGENTOPS;
            default -> throw new IllegalArgumentException("unknown usage format '" + shorten(formatHint)
                + "'; use openai, anthropic or agentops");
        };
    }

    private static TokenUsage anthropic(Map<String, Object> raw) {
        long uncached = count(raw, "input_tokens");
        long read = count(raw, "cache_read_input_tokens");
        Long flatWrites = optionalCount(raw, "cache_creation_input_tokens");
        Map<String, Object> nested = object(raw, "cache_creation");
        long write5m;
        long write1h;
        if (nested != null) {
            write5m = count(nested, "cache_creation.", "ephemeral_5m_input_tokens");
            write1h = count(nested, "cache_creation.", "ephemeral_1h_input_tokens");
            if (flatWrites != null && flatWrites != write5m + write1h) {
                throw new IllegalArgumentException("cache_creation_input_tokens (" + flatWrites + ") is not the sum of "
                    + "cache_creation.ephemeral_5m_input_tokens and cache_creation.ephemeral_1h_input_tokens ("
                    + (write5m + write1h) + ")");
            }
        } else {
            write5m = flatWrites == null ? 0 : flatWrites;
            write1h = 0;
        }
        long output = count(raw, "output_tokens");
        return new TokenUsage(uncached + read + write5m + write1h, output, read, write5m, write1h, 0);
    }

    private static TokenUsage openAi(Map<String, Object> raw, String inputKey, String inputDetailsKey,
                                     String outputKey, String outputDetailsKey) {
        long input = count(raw, inputKey);
        long output = count(raw, outputKey);
        Map<String, Object> inputDetails = object(raw, inputDetailsKey);
        Map<String, Object> outputDetails = object(raw, outputDetailsKey);
        long cached = inputDetails == null ? 0 : count(inputDetails, inputDetailsKey + ".", "cached_tokens");
        long reasoning = outputDetails == null ? 0 : count(outputDetails, outputDetailsKey + ".", "reasoning_tokens");
        atMost(inputDetailsKey + ".cached_tokens", cached, inputKey, input);
        atMost(outputDetailsKey + ".reasoning_tokens", reasoning, outputKey, output);
        return new TokenUsage(input, output, cached, 0, 0, reasoning);
    }

    private static TokenUsage agentOps(Map<String, Object> raw) {
        long input = count(raw, "input_tokens");
        long output = count(raw, "output_tokens");
        long read = count(raw, "cache_read_input_tokens");
        long write5m = count(raw, "cache_creation_input_tokens");
        long write1h = count(raw, "cache_creation_1h_input_tokens");
        long reasoning = count(raw, "reasoning_tokens");
        atMost("cache_read_input_tokens + cache_creation_input_tokens + cache_creation_1h_input_tokens",
            read + write5m + write1h, "input_tokens", input);
        atMost("reasoning_tokens", reasoning, "output_tokens", output);
        return new TokenUsage(input, output, read, write5m, write1h, reasoning);
    }

    private static void atMost(String partName, long part, String wholeName, long whole) {
        if (part > whole) {
            throw new IllegalArgumentException(partName + " (" + part + ") exceeds " + wholeName + " (" + whole + "), which "
                + "must count them too");
        }
    }

    private static long count(Map<String, Object> raw, String key) {
        return count(raw, "", key);
    }

    private static long count(Map<String, Object> raw, String prefix, String key) {
        Long value = optionalCount(raw, prefix, key);
        return value == null ? 0 : value;
    }

    private static Long optionalCount(Map<String, Object> raw, String key) {
        return optionalCount(raw, "", key);
    }

    private static Long optionalCount(Map<String, Object> raw, String prefix, String key) {
        Object value = raw.get(key);
        if (value == null) {
            return null;
        }
        BigDecimal number = null;
        if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
            && !(value instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            number = new BigDecimal(n.toString());
        }
        if (number == null || number.signum() < 0 || number.compareTo(MAX) > 0
            || number.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(prefix + key + " must be a whole number from 0 to " + MAX_TOKENS
                + " (got " + shorten(String.valueOf(value instanceof String s ? "\"" + s + "\"" : value)) + ")");
        }
        return number.longValueExact();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> raw, String key) {
        Object value = raw.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(key + " must be an object");
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
