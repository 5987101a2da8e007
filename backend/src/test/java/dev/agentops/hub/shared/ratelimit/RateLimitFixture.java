package dev.agentops.hub.shared.ratelimit;

import java.util.UUID;

/** Limits and subjects for tests. */
final class RateLimitFixture {

    /** One token per 10,000 s: no refill lands during a test, so counts and seconds are exact. */
    static final double NO_REFILL = 0.0001;

    private RateLimitFixture() {
    }

    static RateLimit burstOnly(int capacity) {
        return new RateLimit("test_burst", capacity, NO_REFILL);
    }

    /** Buckets outlive a test in Redis: every test takes its own subject. */
    static String aSubject() {
        return "subject-" + UUID.randomUUID();
    }
}
