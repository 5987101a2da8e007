package dev.agentops.hub.pricing;

/**
 * Token counts of one LLM call, a run or any sum of them, in the one form the API and the cost code share
 * (docs/api.md, "Token semantics"). {@code inputTokens} counts every prompt token, cached ones included: the cache
 * counts say how many of them were read from, or written to, the provider's cache. {@code outputTokens} counts
 * every generated token, reasoning ones included: {@code reasoningTokens} says how many of them were reasoning.
 * So the cache counts never add up to more than the input, nor reasoning to more than the output; the constructor
 * refuses such a usage (and negative counts) with an {@link IllegalArgumentException}.
 *
 * <p>Build it from a client's usage object with {@link UsageNormalizer#read}, which knows the common providers'
 * shapes (Anthropic's {@code input_tokens} excludes cached tokens, ours does not).
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWrite5mTokens,
                         long cacheWrite1hTokens, long reasoningTokens) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadTokens < 0 || cacheWrite5mTokens < 0
            || cacheWrite1hTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        long cached = Math.addExact(Math.addExact(cacheReadTokens, cacheWrite5mTokens), cacheWrite1hTokens);
        if (cached > inputTokens) {
            throw new IllegalArgumentException("cache read and cache write tokens (" + cached
                + ") exceed input tokens (" + inputTokens + "); input tokens must count cached tokens too");
        }
        if (reasoningTokens > outputTokens) {
            throw new IllegalArgumentException("reasoning tokens (" + reasoningTokens + ") exceed output tokens ("
                + outputTokens + "); output tokens must count reasoning tokens too");
        }
    }

    /** Input and output only, nothing cached, no reasoning. */
    public static TokenUsage of(long inputTokens, long outputTokens) {
        return new TokenUsage(inputTokens, outputTokens, 0, 0, 0, 0);
    }

    /** Prompt tokens neither read from nor written to a cache. */
    public long uncachedInputTokens() {
        return inputTokens - cacheReadTokens - cacheWrite5mTokens - cacheWrite1hTokens;
    }

    /** Both cache write durations together (the runs table keeps one column for them). */
    public long cacheWriteTokens() {
        return cacheWrite5mTokens + cacheWrite1hTokens;
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(Math.addExact(inputTokens, other.inputTokens), Math.addExact(outputTokens, other.outputTokens),
            Math.addExact(cacheReadTokens, other.cacheReadTokens), Math.addExact(cacheWrite5mTokens, other.cacheWrite5mTokens),
            Math.addExact(cacheWrite1hTokens, other.cacheWrite1hTokens), Math.addExact(reasoningTokens, other.reasoningTokens));
    }
}
