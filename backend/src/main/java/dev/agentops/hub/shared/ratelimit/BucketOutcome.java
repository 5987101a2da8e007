package dev.agentops.hub.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/** What a bucket answers: whether the tokens were taken, and the (fractional) tokens left. */
record BucketOutcome(boolean allowed, double tokens) {

    /**
     * Takes the tokens from a Bucket4j bucket (local or a Redis proxy) only when all of them are there; a refusal leaves
     * the bucket as it was. 0 tokens, or more than the whole bucket, only read it (Bucket4j takes at least 1 and at
     * most the capacity). The time until the bucket is full, at the limit's rate, gives the tokens to the fraction.
     */
    static BucketOutcome take(Bucket bucket, RateLimit limit, int tokens) {
        if (tokens == 0 || tokens > limit.capacity()) {
            long untilFull = bucket.asVerbose().getAvailableTokens().getDiagnostics().calculateFullRefillingTime();
            return new BucketOutcome(tokens == 0, full(limit, untilFull));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        return new BucketOutcome(probe.isConsumed(), full(limit, probe.getNanosToWaitForReset()));
    }

    static double full(RateLimit limit, long nanosUntilFull) {
        return Math.max(0, limit.capacity() - (double) nanosUntilFull / limit.periodNanos());
    }
}
