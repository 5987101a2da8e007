package dev.agentops.hub.usage;

import dev.agentops.hub.shared.redis.RedisCircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Snapshots in Redis, shared by every instance: JSON under {@code agentops:org-stats:<organization id>}, expiring
 * after the cache TTL. Never throws: a call that fails or outlasts {@code redis-timeout} counts as a miss (or a
 * skipped write), and Redis is then left alone for {@code redis-backoff}. Invalidations skipped meanwhile are
 * healed by the TTL. The shared connection is made on first use: while Redis is unreachable, the one attempt per
 * backoff period fails at once when refused, or after the client's connect timeout when the host does not answer.
 */
@Singleton
@Requires(property = "redis.uri")
class RedisOrgStats {

    static final String PREFIX = "agentops:org-stats:";
    private static final Logger LOG = LoggerFactory.getLogger(RedisOrgStats.class);

    private final BeanProvider<StatefulRedisConnection<String, String>> connection;
    private final JsonMapper json;
    private final long ttlMillis;
    private final long timeoutNanos;
    private final CircuitBreaker breaker;
    private static final int MAX_MISSED_DROPS = 100_000;
    private final Set<UUID> missedDrops = ConcurrentHashMap.newKeySet();

    RedisOrgStats(BeanProvider<StatefulRedisConnection<String, String>> connection, JsonMapper json,
                  OrgStatsConfiguration config) {
        this.connection = connection;
        this.json = json;
        this.ttlMillis = config.cacheTtl().toMillis();
        this.timeoutNanos = config.redisTimeout().toNanos();
        this.breaker = RedisCircuitBreakers.of(LOG, "Agent stats cache", "reading PostgreSQL directly", config.redisBackoff());
    }

    static String key(UUID organizationId) {
        return PREFIX + organizationId;
    }

    Optional<OrgStats> find(UUID organizationId) {
        if (!flushMissedDrops()) {
            return Optional.empty();
        }
        String value = call(redis -> redis.get(key(organizationId)));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, OrgStats.class));
        } catch (IOException | RuntimeException e) { // written by another version of the app: recompute
            return Optional.empty();
        }
    }

    void save(UUID organizationId, OrgStats stats) {
        String value;
        try {
            value = json.writeValueAsString(stats);
        } catch (IOException e) {
            throw new IllegalStateException("An OrgStats snapshot could not be written as JSON", e);
        }
        call(redis -> redis.set(key(organizationId), value, SetArgs.Builder.px(ttlMillis)));
    }

    /** One {@code DEL} for all of them: this runs on the ingest worker's thread after every batch. */
    void drop(Collection<UUID> organizationIds) {
        if (!organizationIds.isEmpty()) {
            missedDrops.addAll(organizationIds);
            flushMissedDrops();
        }
    }

    /**
     * Drops that Redis did not take (down, hung, or skipped during the back-off) are kept and sent before the next
     * read: a Redis that was only hung (or a replica promoted) still holds the old snapshots, which would otherwise be
     * served until their TTL. False when some are still pending (the read then goes to PostgreSQL).
     */
    private boolean flushMissedDrops() {
        if (missedDrops.isEmpty()) {
            return true;
        }
        List<UUID> pending = List.copyOf(missedDrops);
        if (call(redis -> redis.del(pending.stream().map(RedisOrgStats::key).toArray(String[]::new))) == null) {
            if (missedDrops.size() > MAX_MISSED_DROPS) {
                missedDrops.clear(); // bounded memory; those snapshots then live until their TTL
            }
            return false;
        }
        pending.forEach(missedDrops::remove);
        return true;
    }

    /** The reply, or null when Redis is being left alone or does not answer in time. */
    private <T> T call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return RedisCircuitBreakers.call(breaker, () -> command.apply(connection.get().async()), timeoutNanos);
    }
}
