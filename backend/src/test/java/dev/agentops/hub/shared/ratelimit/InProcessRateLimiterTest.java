package dev.agentops.hub.shared.ratelimit;

import java.time.Duration;

/** The limiter of an instance without Redis. */
class InProcessRateLimiterTest extends RateLimiterContract {

    private final RateLimiter limiter = new RateLimiter(null, new LocalBuckets(1_000), Duration.ofSeconds(5));

    @Override
    RateLimiter limiter() {
        return limiter;
    }
}
