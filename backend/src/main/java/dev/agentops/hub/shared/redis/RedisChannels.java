package dev.agentops.hub.shared.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Redis pub/sub for telling other instances about a change (revoked keys, price changes, live events). Redis is
 * never required for correctness: a failed publish is logged and the caller falls back (a cache TTL, a local
 * delivery); subscriptions that fail are retried every 30 s, and Lettuce re-subscribes by itself after reconnects.
 * Publishers include the ingest workers (one live event per run): a publish waits at most
 * {@code agentops.redis.timeout}, and after a failure publishes skip Redis for {@code agentops.redis.backoff},
 * so a dead or hung Redis costs one timeout per period and instance, never one per run.
 */
@Singleton
@Requires(property = "redis.uri")
public class RedisChannels {

    private static final Logger LOG = LoggerFactory.getLogger(RedisChannels.class);

    private final BeanProvider<StatefulRedisConnection<String, String>> connection;
    private final BeanProvider<StatefulRedisPubSubConnection<String, String>> subscriber;
    private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean listening = new AtomicBoolean();
    private final long timeoutNanos;
    private final CircuitBreaker breaker;

    RedisChannels(BeanProvider<StatefulRedisConnection<String, String>> connection,
                  BeanProvider<StatefulRedisPubSubConnection<String, String>> subscriber,
                  @Value("${agentops.redis.timeout:300ms}") Duration timeout,
                  @Value("${agentops.redis.backoff:1s}") Duration backoff) {
        this.connection = connection;
        this.subscriber = subscriber;
        this.timeoutNanos = timeout.toNanos();
        this.breaker = RedisCircuitBreakers.of(LOG, "Redis channels", "changes reach only this instance (others rely on cache expiry)", backoff);
    }

    /** True when Redis took the message in time; false at once while the back-off after a failure lasts. */
    public boolean publish(String channel, String message) {
        return RedisCircuitBreakers.call(breaker, () -> connection.get().async().publish(channel, message), timeoutNanos) != null;
    }

    /** Delivers every message of {@code channel} to {@code handler}; subscribes now, or later when Redis is back. */
    public void subscribe(String channel, Consumer<String> handler) {
        handlers.put(channel, handler);
        subscribeMissing();
    }

    /**
     * Delivers every message of {@code channel} that is an id (of an organization, a request) to {@code handler}; a
     * malformed message is ignored.
     */
    public void subscribeIds(String channel, Consumer<UUID> handler) {
        subscribe(channel, message -> {
            try {
                handler.accept(UUID.fromString(message.trim()));
            } catch (IllegalArgumentException e) {
                LOG.debug("Ignoring a malformed message on Redis channel {}", channel);
            }
        });
    }

    public boolean subscribed(String channel) {
        return subscribed.contains(channel);
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void subscribeMissing() {
        for (String channel : handlers.keySet()) {
            if (subscribed.contains(channel)) {
                continue;
            }
            try {
                StatefulRedisPubSubConnection<String, String> pubSub = subscriber.get();
                if (listening.compareAndSet(false, true)) {
                    pubSub.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String from, String message) {
                            Consumer<String> handler = handlers.get(from);
                            if (handler != null) {
                                handler.accept(message);
                            }
                        }
                    });
                }
                pubSub.async().subscribe(channel).get(2, TimeUnit.SECONDS);
                subscribed.add(channel);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("Could not subscribe to Redis channel {} ({}); retrying", channel, e.getClass().getSimpleName());
            }
        }
    }
}
