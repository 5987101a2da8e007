package dev.agentops.hub.apikeys;

import dev.agentops.hub.shared.cache.TtlCache;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyCache.class);

    private final TtlCache<String, ApiKey> cache;
    private final ApiKeyRepository keys;
    private final LookupTransactions lookups;
    private final Optional<RedisClient> redis;
    private StatefulRedisConnection<String, String> publishing;
    private StatefulRedisPubSubConnection<String, String> subscription;

    ApiKeyCache(ApiKeyRepository keys, LookupTransactions lookups, BeanProvider<RedisClient> redis,
                @Value("${redis.uri:}") String redisUri,
                @Value("${agentops.api-keys.cache-ttl:10s}") Duration ttl) {
        this.keys = keys;
        this.lookups = lookups;
        this.redis = redisUri.isBlank() ? Optional.empty() : redis.find(null);
        this.cache = new TtlCache<>(ttl, 50_000);
    }

    @PostConstruct
    void subscribe() {
        redis.ifPresent(client -> {
            try {
                publishing = client.connect();
                subscription = client.connectPubSub();
                subscription.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String prefix) {
                        cache.invalidate(prefix);
                    }
                });
                subscription.sync().subscribe(CHANNEL);
            } catch (RuntimeException e) {
                LOG.warn("API key cache: Redis pub/sub unavailable ({}); revocations reach other instances within the cache TTL",
                    e.getClass().getSimpleName());
                publishing = null;
            }
        });
    }

    Optional<ApiKey> find(String prefix) {
        return cache.get(prefix, p -> lookups.read(Door.API_KEY_PREFIX, p, () -> keys.findByPrefix(p)));
    }

    /** Call after the revocation committed. */
    void revoked(String prefix) {
        cache.invalidate(prefix);
        if (publishing != null) {
            try {
                publishing.sync().publish(CHANNEL, prefix);
            } catch (RuntimeException e) {
                LOG.warn("API key cache: could not announce a revocation ({})", e.getClass().getSimpleName());
            }
        }
    }

    @PreDestroy
    void close() {
        if (subscription != null) {
            subscription.close();
        }
        if (publishing != null) {
            publishing.close();
        }
    }
}
