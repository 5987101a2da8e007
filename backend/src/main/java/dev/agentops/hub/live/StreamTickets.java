package dev.agentops.hub.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.shared.redis.RedisCircuitBreakers;
import dev.agentops.hub.shared.security.Secrets;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use, 60-second tickets that open one event stream. EventSource cannot send headers, so the stream URL
 * carries a ticket instead of the access token: a leaked ticket is worthless a minute later or once used. Stored
 * in Redis when configured (any instance may serve the stream), in memory otherwise, and in memory too while Redis
 * fails (such a ticket opens a stream on this instance only; the web app asks for a new ticket when one is refused).
 */
@Singleton
class StreamTickets {

    static final int LIFETIME_SECONDS = 60;
    private static final int MAX_IN_MEMORY = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamTickets.class);

    record Holder(UUID userId, UUID organizationId) {
    }

    private final Cache<String, Holder> memory = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(LIFETIME_SECONDS)).build();
    private final Optional<StatefulRedisConnection<String, String>> redis;
    private final long timeoutNanos;
    private final CircuitBreaker breaker;

    StreamTickets(BeanProvider<StatefulRedisConnection<String, String>> redis, @Value("${redis.uri:}") String redisUri,
                  @Value("${agentops.redis.timeout:300ms}") Duration timeout,
                  @Value("${agentops.redis.backoff:1s}") Duration backoff) {
        this.redis = redisUri.isBlank() ? Optional.empty() : redis.find(null);
        this.timeoutNanos = timeout.toNanos();
        this.breaker = RedisCircuitBreakers.of(LOG, "Stream tickets", "keeping them on this instance", backoff);
    }

    String issue(UUID userId, UUID organizationId) {
        String ticket = "tk_" + Secrets.randomToken(32);
        String key = "stream-ticket:" + Secrets.sha256(ticket);
        String value = userId + " " + organizationId;
        if (redis.isEmpty() || call(connection -> connection.set(key, value, SetArgs.Builder.ex(LIFETIME_SECONDS))).isEmpty()) {
            memory.cleanUp();
            if (memory.estimatedSize() >= MAX_IN_MEMORY) {
                throw new IllegalStateException("Too many open stream tickets");
            }
            memory.put(key, new Holder(userId, organizationId));
        }
        return ticket;
    }

    /** Spends the ticket: the first caller gets its holder, every later one nothing. */
    Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.length() > 100) {
            return Optional.empty();
        }
        String key = "stream-ticket:" + Secrets.sha256(ticket);
        Holder held = memory.asMap().remove(key); // null once expired
        if (held != null) {
            return Optional.of(held);
        }
        if (redis.isEmpty()) {
            return Optional.empty();
        }
        return call(connection -> connection.getdel(key)).map(value -> {
            String[] parts = value.split(" ");
            return new Holder(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
        });
    }

    /** The command's answer, or empty when Redis failed or is being skipped after a failure (never throws). */
    private Optional<String> call(java.util.function.Function<io.lettuce.core.api.async.RedisAsyncCommands<String, String>,
        RedisFuture<String>> command) {
        return Optional.ofNullable(RedisCircuitBreakers.call(breaker, () -> command.apply(redis.orElseThrow().async()), timeoutNanos));
    }
}
