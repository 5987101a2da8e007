package dev.agentops.hub.shared.ratelimit;

import dev.agentops.hub.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.aSubject;
import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.burstOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** Buckets in a real Redis (TestRedis), each limiter with its own connection like separate instances. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRateLimiterTest extends RateLimiterContract {

    private final RedisClient client = RedisClient.create(TestRedis.uri());
    private final RedisCommands<String, String> redis = client.connect().sync();
    private final RateLimiter limiter = anInstance();

    @Override
    RateLimiter limiter() {
        return limiter;
    }

    @AfterAll
    void closeClient() {
        client.shutdown();
    }

    @Test
    void concurrentRequestsNeverShareTheLastToken() throws Exception {
        RateLimit limit = burstOnly(100);
        String subject = aSubject();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> allowedPerThread = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                allowedPerThread.add(threads.submit(fiftyRequests(limit, subject, start)));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Integer> f : allowedPerThread) {
                allowed += f.get();
            }
            assertThat(allowed).isEqualTo(100);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void instancesShareOneBucket() {
        RateLimiter other = anInstance();
        RateLimit limit = burstOnly(10);
        String subject = aSubject();
        int allowed = 0;
        for (int i = 0; i < 15; i++) {
            allowed += limiter.consume(limit, subject, 1).allowed() ? 1 : 0;
            allowed += other.consume(limit, subject, 1).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void keysHashTheSubjectAndExpireOnceTheBucketWouldBeFull() {
        RateLimit limit = new RateLimit("test_keys", 5, 1);
        redis.del(BucketKeys.of(limit, "alice@example.com"));
        limiter.consume(limit, "alice@example.com", 1);

        List<String> keys = redis.keys("rl:test_keys:*");
        assertThat(keys).containsExactly("rl:test_keys:ff8d9819fc0e12bf0d24892e45987e24");
        assertThat(keys.get(0)).doesNotContain("alice");
        assertThat(anInstance().consume(limit, "alice@example.com", 0).remaining()).as("the stored bucket").isEqualTo(4);
        assertThat(redis.pttl(keys.get(0))).isBetween(5_000L, 6_000L);
    }

    @Test
    void aRefusedRequestWritesNothingToRedis() {
        RateLimit limit = new RateLimit("test_refused", 5, RateLimitFixture.NO_REFILL);
        String subject = aSubject();

        assertThat(limiter.consume(limit, subject, 6).allowed()).isFalse();

        assertThat(redis.exists(BucketKeys.of(limit, subject))).isZero();
    }

    @Test
    void reloadsTheScriptWhenRedisForgotIt() {
        RateLimit limit = burstOnly(5);
        String subject = aSubject();
        limiter.consume(limit, subject, 1);

        redis.scriptFlush();

        // 3 left proves Redis answered: the in-process fallback would start a full bucket of 5
        assertThat(limiter.consume(limit, subject, 1).remaining()).isEqualTo(3);
    }

    @Test
    void anInstanceStartedLaterAppliesItsLimitsToBucketsAlreadyInRedis() throws InterruptedException {
        String subject = aSubject();
        limiter.consume(new RateLimit("test_changed", 5, RateLimitFixture.NO_REFILL), subject, 1);
        Thread.sleep(5); // a later start, as after a deployment that lowered the burst

        RateLimiter redeployed = anInstance();

        assertThat(redeployed.consume(new RateLimit("test_changed", 2, RateLimitFixture.NO_REFILL), subject, 1).remaining())
            .as("4 tokens left, capped at the new burst of 2, minus 1").isEqualTo(1);
    }

    private RateLimiter anInstance() {
        StatefulRedisConnection<String, byte[]> connection = client.connect(RedisBuckets.CODEC);
        return new RateLimiter(new RedisBuckets(() -> connection, Duration.ofSeconds(2)), new LocalBuckets(1_000),
            Duration.ofSeconds(5));
    }

    private Callable<Integer> fiftyRequests(RateLimit limit, String subject, CountDownLatch start) {
        return () -> {
            start.await();
            int allowed = 0;
            for (int i = 0; i < 50; i++) {
                allowed += limiter.consume(limit, subject, 1).allowed() ? 1 : 0;
            }
            return allowed;
        };
    }
}
