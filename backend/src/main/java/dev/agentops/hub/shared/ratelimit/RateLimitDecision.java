package dev.agentops.hub.shared.ratelimit;

/**
 * The answer for one request, with what the {@code RateLimit-*} headers report.
 *
 * @param allowed           whether the tokens were taken
 * @param limit             the bucket's capacity (the burst)
 * @param remaining         whole tokens left after this request
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds when refused, seconds until the request could pass (at least 1); 0 when allowed. A
 *                          request larger than the whole bucket can never pass: it gets the time until the bucket
 *                          is full, the moment a client that splits its request has the most room
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {

    /** Absorbs floating-point noise, so 20 / 0.001 is 20000 seconds and not 20001. */
    static final double EPSILON = 1e-9;

    static RateLimitDecision of(RateLimit limit, int requested, BucketOutcome outcome) {
        double tokens = Math.max(0, outcome.tokens());
        double rate = limit.refillPerSecond();
        int remaining = (int) Math.min(limit.capacity(), Math.floor(tokens + EPSILON));
        long reset = ceilSeconds((limit.capacity() - tokens) / rate);
        if (outcome.allowed()) {
            return new RateLimitDecision(true, limit.capacity(), remaining, reset, 0);
        }
        double needed = Math.min(requested, limit.capacity()) - tokens;
        return new RateLimitDecision(false, limit.capacity(), remaining, reset, Math.max(1, ceilSeconds(needed / rate)));
    }

    private static long ceilSeconds(double seconds) {
        return seconds <= EPSILON ? 0 : (long) Math.ceil(seconds - EPSILON);
    }
}
