package dev.agentops.hub.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.shared.redis.RedisChannels;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a session (refresh-token family, the {@code sid} claim of access tokens) has been revoked, so that an access
 * token stops working at logout or reuse detection instead of at its expiry. Answers are cached for a few seconds per
 * instance; a revocation marks the session here at once and, through the {@code agentops:sessions} Redis channel, on
 * every other instance (without Redis there is only this one). Revocation is final, so a cached "revoked" is never
 * stale.
 */
@Context // subscribes at start-up on the main thread, never lazily on a request's event loop
class SessionRevocations {

    static final String CHANNEL = "agentops:sessions";
    private static final Logger LOG = LoggerFactory.getLogger(SessionRevocations.class);

    private final Cache<UUID, Boolean> revoked;
    private final RefreshTokenRepository tokens;
    private final TenantTransactions tenants;
    private final Optional<RedisChannels> channels;

    SessionRevocations(RefreshTokenRepository tokens, TenantTransactions tenants, Optional<RedisChannels> channels,
                       @Value("${agentops.auth.session-cache-ttl:10s}") Duration ttl) {
        this.tokens = tokens;
        this.tenants = tenants;
        this.channels = channels;
        this.revoked = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    @PostConstruct
    void subscribe() {
        channels.ifPresent(redis -> redis.subscribe(CHANNEL, message -> {
            try {
                revoked.put(UUID.fromString(message), true);
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignored a malformed session revocation message");
            }
        }));
    }

    /** The cached answer, if any: the common case, answered without leaving the event loop. */
    Optional<Boolean> cached(UUID session) {
        return Optional.ofNullable(revoked.getIfPresent(session));
    }

    /** Reads the database (blocking) and caches the answer. */
    boolean load(UUID organizationId, UUID session) {
        boolean answer = tenants.read(organizationId, () -> tokens.familyRevoked(session));
        revoked.put(session, answer);
        return answer;
    }

    /** Marks each session once, though {@code sessions} may name one per token. */
    void revoked(Collection<UUID> sessions) {
        for (UUID session : new LinkedHashSet<>(sessions)) {
            revoked.put(session, true);
            channels.ifPresent(redis -> redis.publish(CHANNEL, session.toString()));
        }
    }
}
