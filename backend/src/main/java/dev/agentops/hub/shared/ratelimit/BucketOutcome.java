package dev.agentops.hub.shared.ratelimit;

/** What a bucket store answers: whether the tokens were taken, and the (fractional) tokens left. */
record BucketOutcome(boolean allowed, double tokens) {

    /** The rule both stores apply (the Lua script mirrors it); a refusal leaves the bucket as it was. */
    static BucketOutcome take(double available, int requested, RateLimit limit) {
        if (requested > limit.capacity() || available + RateLimitDecision.EPSILON < requested) {
            return new BucketOutcome(false, available);
        }
        return new BucketOutcome(true, Math.max(0, available - requested));
    }
}
