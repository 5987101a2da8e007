package dev.agentops.hub.shared.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.aSubject;
import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.burstOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** What every bucket store must do; run against Redis and against the in-process buckets. */
abstract class RateLimiterContract {

    abstract RateLimiter limiter();

    @Test
    void refusesTheRequestAfterTheBurstIsSpent() {
        RateLimit limit = burstOnly(20);
        String subject = aSubject();
        List<RateLimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            decisions.add(limiter().consume(limit, subject, 1));
        }

        assertThat(decisions).filteredOn(RateLimitDecision::allowed).hasSize(20);
        assertThat(decisions.subList(0, 20)).allMatch(RateLimitDecision::allowed);
        assertThat(decisions.get(0)).isEqualTo(new RateLimitDecision(true, 20, 19, 10_000, 0));
        assertThat(decisions.get(19)).isEqualTo(new RateLimitDecision(true, 20, 0, 200_000, 0));
        assertThat(decisions.subList(20, 50)).containsOnly(new RateLimitDecision(false, 20, 0, 200_000, 10_000));
    }

    @Test
    void aRefusedRequestTakesNothingFromTheBucket() {
        RateLimit limit = burstOnly(5);
        String subject = aSubject();

        assertThat(limiter().consume(limit, subject, 3)).isEqualTo(new RateLimitDecision(true, 5, 2, 30_000, 0));
        assertThat(limiter().consume(limit, subject, 3)).isEqualTo(new RateLimitDecision(false, 5, 2, 30_000, 10_000));
        assertThat(limiter().consume(limit, subject, 2)).isEqualTo(new RateLimitDecision(true, 5, 0, 50_000, 0));
    }

    @Test
    void refusesARequestLargerThanTheWholeBucketAndTakesNothing() {
        RateLimit limit = burstOnly(5);
        String subject = aSubject();

        assertThat(limiter().consume(limit, subject, 6)).isEqualTo(new RateLimitDecision(false, 5, 5, 0, 1));
        assertThat(limiter().consume(limit, subject, 2)).isEqualTo(new RateLimitDecision(true, 5, 3, 20_000, 0));
        assertThat(limiter().consume(limit, subject, 6)).isEqualTo(new RateLimitDecision(false, 5, 3, 20_000, 20_000));
    }

    @Test
    void zeroTokensReadsTheBucketWithoutTakingAnything() {
        RateLimit limit = burstOnly(5);
        String subject = aSubject();
        limiter().consume(limit, subject, 4);

        assertThat(limiter().consume(limit, subject, 0)).isEqualTo(new RateLimitDecision(true, 5, 1, 40_000, 0));
        assertThat(limiter().consume(limit, subject, 0)).isEqualTo(new RateLimitDecision(true, 5, 1, 40_000, 0));
    }

    @Test
    void refillsTheBucketOverTime() throws InterruptedException {
        RateLimit limit = new RateLimit("test_refill", 10, 20);
        String subject = aSubject();

        assertThat(limiter().consume(limit, subject, 10)).isEqualTo(new RateLimitDecision(true, 10, 0, 1, 0));
        RateLimitDecision refused = limiter().consume(limit, subject, 10);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        Thread.sleep(600); // 20 tokens/s: the 10-token bucket is full again after 500 ms

        assertThat(limiter().consume(limit, subject, 10).allowed()).isTrue();
    }

    @Test
    void keepsEachSubjectAndEachLimitInItsOwnBucket() {
        RateLimit limit = burstOnly(2);
        RateLimit other = new RateLimit("test_other", 2, RateLimitFixture.NO_REFILL);
        String spent = aSubject();
        limiter().consume(limit, spent, 2);

        assertThat(limiter().consume(limit, spent, 1).allowed()).isFalse();
        assertThat(limiter().consume(limit, aSubject(), 1).remaining()).isEqualTo(1);
        assertThat(limiter().consume(other, spent, 1).remaining()).isEqualTo(1);
    }
}
