package dev.agentops.hub.live;

import dev.agentops.hub.shared.security.Secrets;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use, 60-second tickets that open one event stream. EventSource cannot send headers, so the stream URL
 * carries a ticket instead of the access token: a leaked ticket is worthless a minute later or once used. Stored
 * in Redis when configured (any instance may serve the stream), in memory otherwise.
 */
@Singleton
class StreamTickets {

    static final int LIFETIME_SECONDS = 60;
    private static final int MAX_IN_MEMORY = 100_000;

    record Holder(UUID userId, UUID organizationId) {
    }

    private record Entry(Holder holder, Instant expiresAt) {
    }

    private final Map<String, Entry> memory = new ConcurrentHashMap<>();
    private final Optional<StatefulRedisConnection<String, String>> redis;

    StreamTickets(BeanProvider<StatefulRedisConnection<String, String>> redis, @Value("${redis.uri:}") String redisUri) {
        this.redis = redisUri.isBlank() ? Optional.empty() : redis.find(null);
    }

    String issue(UUID userId, UUID organizationId) {
        String ticket = "tk_" + Secrets.randomToken(32);
        String key = "stream-ticket:" + Secrets.sha256(ticket);
        if (redis.isPresent()) {
            redis.get().sync().set(key, userId + " " + organizationId, SetArgs.Builder.ex(LIFETIME_SECONDS));
        } else {
            Instant now = Instant.now();
            memory.values().removeIf(e -> e.expiresAt().isBefore(now));
            if (memory.size() >= MAX_IN_MEMORY) {
                throw new IllegalStateException("Too many open stream tickets");
            }
            memory.put(key, new Entry(new Holder(userId, organizationId), now.plusSeconds(LIFETIME_SECONDS)));
        }
        return ticket;
    }

    /** Spends the ticket: the first caller gets its holder, every later one nothing. */
    Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.length() > 100) {
            return Optional.empty();
        }
        String key = "stream-ticket:" + Secrets.sha256(ticket);
        if (redis.isPresent()) {
            String value = redis.get().sync().getdel(key);
            if (value == null) {
                return Optional.empty();
            }
            String[] parts = value.split(" ");
            return Optional.of(new Holder(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
        }
        Entry entry = memory.remove(key);
        return entry == null || entry.expiresAt().isBefore(Instant.now()) ? Optional.empty() : Optional.of(entry.holder());
    }
}
