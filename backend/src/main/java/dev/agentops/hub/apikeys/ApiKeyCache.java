package dev.agentops.hub.apikeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.shared.cache.ReadThrough;
import dev.agentops.hub.shared.redis.RedisChannels;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Key lookups by prefix, cached for a few seconds so that a busy key does not cost a database transaction per
 * request. A revocation drops the entry here at once and, with Redis, on every other instance through the
 * {@code agentops:api-keys} channel; without Redis there is only this instance.
 */
@Singleton
class ApiKeyCache {

    static final String CHANNEL = "agentops:api-keys";

    private final Cache<String, ApiKey> cache;
    private final ApiKeyRepository keys;
    private final LookupTransactions lookups;
    private final Optional<RedisChannels> channels;

    ApiKeyCache(ApiKeyRepository keys, LookupTransactions lookups, Optional<RedisChannels> channels,
                @Value("${agentops.api-keys.cache-ttl:10s}") Duration ttl) {
        this.keys = keys;
        this.lookups = lookups;
        this.channels = channels;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).build();
    }

    @PostConstruct
    void subscribe() {
        channels.ifPresent(redis -> redis.subscribe(CHANNEL, cache::invalidate));
    }

    Optional<ApiKey> find(String prefix) {
        return Optional.ofNullable(ReadThrough.get(cache, prefix, p -> lookups.read(Door.API_KEY_PREFIX, p, () -> keys.findByPrefix(p)).orElse(null)));
    }

    /** True when {@link #find} would answer from memory, without a database read. */
    boolean inMemory(String prefix) {
        return cache.getIfPresent(prefix) != null;
    }

    /** Call after the revocation committed. */
    void revoked(String prefix) {
        cache.invalidate(prefix);
        channels.ifPresent(redis -> redis.publish(CHANNEL, prefix));
    }
}
