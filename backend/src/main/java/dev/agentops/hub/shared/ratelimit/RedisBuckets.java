package dev.agentops.hub.shared.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.serialization.SerializationHandle;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Buckets shared by every instance: Bucket4j's Lettuce proxy manager keeps each bucket's state under its key and
 * updates it with a compare-and-swap script, so concurrent requests cannot both take the last token. Every Redis call
 * is bounded by {@code redis-timeout} and throws on failure; {@link RateLimiter} then falls back.
 *
 * <p>A plain bucket costs two round trips per request (read, then swap). Buckets of 100 tokens or more (the API key
 * and ingest limits on the hot path) take tokens from their last known state in process and write them to Redis
 * every 5 % of the burst or 100 ms, whichever comes first: the hot path mostly makes no round trip, and a cluster of
 * N instances may overrun such a bucket by at most N × 5 % of its burst between two synchronisations.
 */
@Singleton
@Requires(property = "redis.uri")
final class RedisBuckets {

    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    static final int SYNCHRONISED_BELOW = 100;
    /** Longest life of an idle bucket: a year is far beyond any sane refill time, and PEXPIRE accepts it. */
    private static final long MAX_TTL_MILLIS = Duration.ofDays(365).toMillis();

    private record Store(ProxyManager<String> proxies, Cache<String, Bucket> delayed) {
    }

    private final Supplier<StatefulRedisConnection<String, byte[]>> connector;
    private final Duration timeout;
    /**
     * Bucket4j keeps a bucket's limits with its state. Limits are read at start-up, so a bucket stored by an instance
     * started earlier takes this instance's limits (keeping its tokens, up to the new burst): after a deployment that
     * changes a limit, it applies to busy subjects too, not only once their buckets expire.
     */
    private final long limitsVersion = System.currentTimeMillis();
    private final AtomicReference<CompletableFuture<Store>> store = new AtomicReference<>();

    /** The connection is made on first use: a Redis that is down at start-up must not stop the app. */
    @Inject
    RedisBuckets(BeanProvider<RedisClient> client, RateLimitsConfiguration config) {
        this(() -> client.get().connect(CODEC), config.redisTimeout());
    }

    RedisBuckets(Supplier<StatefulRedisConnection<String, byte[]>> connector, Duration timeout) {
        this.connector = connector;
        this.timeout = timeout;
    }

    BucketOutcome take(String key, RateLimit limit, int tokens)
        throws InterruptedException, ExecutionException, TimeoutException {
        Store current = store(System.nanoTime() + timeout.toNanos());
        if (tokens > limit.capacity() && current.proxies().getProxyConfiguration(key).isEmpty()) {
            return new BucketOutcome(false, limit.capacity()); // refused whatever it holds: no bucket is written
        }
        Bucket bucket = limit.capacity() < SYNCHRONISED_BELOW
            ? builder(current).build(key, limit::configuration)
            : current.delayed().get(key, k -> builder(current)
                .withOptimization(Optimizations.delaying(new DelayParameters(Math.max(1, limit.capacity() / 20),
                    Duration.ofMillis(100))))
                .build(k, limit::configuration));
        return BucketOutcome.take(bucket, limit, tokens);
    }

    private RemoteBucketBuilder<String> builder(Store current) {
        return current.proxies().builder().withImplicitConfigurationReplacement(limitsVersion, TokensInheritanceStrategy.AS_IS);
    }

    /**
     * An idle bucket refills completely within the time to fill it from empty; after it, a missing key means the same:
     * full. (Bucket4j serializes a strategy only for stores that run commands server-side; Lettuce's runs here.)
     */
    private static final ExpirationAfterWriteStrategy UNTIL_FULL = new ExpirationAfterWriteStrategy() {
        @Override
        public long calculateTimeToLiveMillis(RemoteBucketState state, long currentTimeNanos) {
            Bandwidth limit = state.getConfiguration().getBandwidths()[0];
            double fill = Math.ceil((double) limit.getCapacity() * limit.getRefillPeriodNanos() / limit.getRefillTokens() / 1e6);
            return (long) Math.min(MAX_TTL_MILLIS, fill + 1000);
        }

        @Override
        public SerializationHandle<ExpirationAfterWriteStrategy> getSerializationHandle() {
            throw new UnsupportedOperationException("The rate limits' expiration is computed in process only");
        }
    };

    /**
     * Connecting may block for the client's connect timeout (seconds), so it runs on its own thread and requests
     * wait only until their deadline. One attempt at a time; a failed attempt is retried by a later call.
     */
    private Store store(long deadline) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Store> current = store.get();
        if (current == null || current.isCompletedExceptionally()) {
            CompletableFuture<Store> attempt = new CompletableFuture<>();
            if (store.compareAndSet(current, attempt)) {
                Thread connecting = new Thread(() -> {
                    try {
                        attempt.complete(new Store(Bucket4jLettuce.casBasedBuilder(connector.get())
                            .expirationAfterWrite(UNTIL_FULL)
                            .requestTimeout(timeout)
                            .build(), Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(1)).build()));
                    } catch (Throwable e) { // whatever happens, the attempt must end, or no later call retries
                        attempt.completeExceptionally(e);
                    }
                }, "rate-limit-redis-connect");
                connecting.setDaemon(true);
                connecting.start();
            }
            current = store.get();
        }
        return current.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
