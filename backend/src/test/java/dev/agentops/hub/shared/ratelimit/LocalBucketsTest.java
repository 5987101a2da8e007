package dev.agentops.hub.shared.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.burstOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** The in-process buckets on a clock the test moves by hand. */
class LocalBucketsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void neverHoldsMoreBucketsThanItsMaximum() {
        LocalBuckets buckets = new LocalBuckets(100, clock::get);
        for (int i = 0; i < 10_000; i++) {
            buckets.take("key-" + i, burstOnly(5), 1);
        }
        assertThat(buckets.size()).isEqualTo(100);
    }

    @Test
    void forgetsTheLeastRecentlyUsedBucketFirst() {
        LocalBuckets buckets = new LocalBuckets(3, clock::get);
        RateLimit limit = burstOnly(5);
        buckets.take("a", limit, 2);
        buckets.take("b", limit, 2);
        buckets.take("c", limit, 2);
        buckets.take("a", limit, 1);

        buckets.take("d", limit, 1);

        assertThat(buckets.contains("b")).isFalse();
        assertThat(buckets.contains("a")).isTrue();
        assertThat(buckets.take("a", limit, 1).tokens()).isEqualTo(1);
        assertThat(buckets.take("b", limit, 1).tokens()).as("a forgotten bucket starts full").isEqualTo(4);
    }

    @Test
    void aRefusedRequestDoesNotCreateABucket() {
        LocalBuckets buckets = new LocalBuckets(3, clock::get);
        buckets.take("oversized", burstOnly(5), 6);
        assertThat(buckets.size()).isZero();
    }

    @Test
    void refillsInProportionToTheTimePassedUpToTheBurst() {
        LocalBuckets buckets = new LocalBuckets(10, clock::get);
        RateLimit limit = new RateLimit("test_refill", 10, 50);
        buckets.take("k", limit, 10);

        advance(100);
        assertThat(buckets.take("k", limit, 5)).isEqualTo(new BucketOutcome(true, 0));
        assertThat(buckets.take("k", limit, 1)).isEqualTo(new BucketOutcome(false, 0));

        advance(3_600_000);
        assertThat(buckets.take("k", limit, 1)).isEqualTo(new BucketOutcome(true, 9));
    }

    @Test
    void concurrentRequestsNeverShareTheLastToken() throws InterruptedException {
        LocalBuckets buckets = new LocalBuckets(10);
        RateLimit limit = burstOnly(100);
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    if (buckets.take("shared", limit, 1).allowed()) {
                        allowed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(allowed.get()).isEqualTo(100);
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
