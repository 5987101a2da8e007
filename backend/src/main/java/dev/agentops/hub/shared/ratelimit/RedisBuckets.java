package dev.agentops.hub.shared.ratelimit;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Buckets shared by every instance: one hash per bucket ({@code tokens}, {@code us} = last update in Redis
 * microseconds), read, refilled and written by one Lua script so concurrent requests cannot both take the last
 * token. Every call is bounded by a deadline and throws on failure; {@link RateLimiter} then falls back.
 */
@Singleton
@Requires(property = "redis.uri")
final class RedisBuckets {

    /**
     * Server time ({@code TIME}) rather than each instance's clock, so skewed instances agree. A refusal writes
     * nothing. {@code replicate_commands} lets Redis before 5 replicate a script that reads the clock.
     */
    static final String SCRIPT = """
        if redis.replicate_commands then redis.replicate_commands() end
        local capacity = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local requested = tonumber(ARGV[3])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'us')
        local tokens = tonumber(state[1])
        local updated = tonumber(state[2])
        if tokens == nil or updated == nil then
          tokens = capacity
          updated = now
        end
        if now > updated then
          tokens = tokens + (now - updated) / 1000000 * rate
          updated = now
        end
        tokens = math.min(capacity, tokens)
        if requested > capacity or tokens + 1e-9 < requested then
          return {0, string.format('%.17g', tokens)}
        end
        tokens = math.max(0, tokens - requested)
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'us', string.format('%.17g', updated))
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return {1, string.format('%.17g', tokens)}
        """;
    private static final String SHA = sha1Hex(SCRIPT);
    /** Longest life of an idle bucket: a year is far beyond any sane refill time, and PEXPIRE accepts it. */
    private static final long MAX_TTL_MILLIS = Duration.ofDays(365).toMillis();

    private final Supplier<StatefulRedisConnection<String, String>> connector;
    private final long timeoutNanos;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
        new AtomicReference<>();

    /** The shared connection bean connects on first use; a Redis that is down at start-up must not stop the app. */
    @Inject
    RedisBuckets(BeanProvider<StatefulRedisConnection<String, String>> connection, RateLimitsConfiguration config) {
        this(connection::get, config.redisTimeout());
    }

    RedisBuckets(Supplier<StatefulRedisConnection<String, String>> connector, Duration timeout) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
    }

    BucketOutcome take(String key, RateLimit limit, int tokens)
        throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeoutNanos;
        var redis = connection(deadline).async();
        String[] keys = {key};
        String[] args = {Integer.toString(limit.capacity()), Double.toString(limit.refillPerSecond()),
            Integer.toString(tokens), Long.toString(ttlMillis(limit))};
        List<Object> reply;
        try {
            reply = await(redis.evalsha(SHA, ScriptOutputType.MULTI, keys, args), deadline);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            // first call, or Redis restarted / flushed its script cache: EVAL also caches the script again
            reply = await(redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, args), deadline);
        }
        return new BucketOutcome(((Long) reply.get(0)) == 1L, Double.parseDouble((String) reply.get(1)));
    }

    /** An idle bucket refills completely within this time; after it, a missing key means the same: full. */
    private static long ttlMillis(RateLimit limit) {
        double fill = Math.ceil(limit.capacity() / limit.refillPerSecond() * 1000);
        return (long) Math.min(MAX_TTL_MILLIS, fill + 1000);
    }

    /**
     * Connecting may block for the client's connect timeout (seconds), so it runs on its own thread and requests
     * wait only until their deadline. One attempt at a time; a failed attempt is retried by a later call.
     */
    private StatefulRedisConnection<String, String> connection(long deadline)
        throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current == null || current.isCompletedExceptionally()) {
            CompletableFuture<StatefulRedisConnection<String, String>> attempt = new CompletableFuture<>();
            if (connection.compareAndSet(current, attempt)) {
                Thread connecting = new Thread(() -> {
                    try {
                        attempt.complete(connector.get());
                    } catch (Throwable e) { // whatever happens, the attempt must end, or no later call retries
                        attempt.completeExceptionally(e);
                    }
                }, "rate-limit-redis-connect");
                connecting.setDaemon(true);
                connecting.start();
            }
            current = connection.get();
        }
        return current.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static <T> T await(RedisFuture<T> future, long deadline)
        throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // otherwise a command stuck behind a dead socket waits in Lettuce's queue until a reconnection
            future.cancel(true);
            throw e;
        }
    }

    private static String sha1Hex(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-1", e);
        }
    }
}
