package dev.agentops.hub.policies;

import dev.agentops.hub.shared.cache.TtlCache;
import dev.agentops.hub.shared.redis.RedisChannels;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The compiled live policies of each organization, for the check's hot path. A snapshot per organization lives at
 * most {@code agentops.policies.cache-ttl} (1 s); every change drops it here before its answer leaves and on every
 * other instance through the Redis channel {@value #CHANNEL} (milliseconds). Compiled rules are kept by
 * (policy, version): versions are immutable, so a reload after a change recompiles only the changed policy.
 * A load that raced with a change is not kept (it may have read the state before the commit).
 */
@Singleton
class PolicyCache {

    static final String CHANNEL = "agentops:policies";
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCache.class);

    private record VersionKey(UUID policyId, int version) {
    }

    private final PolicyRepository repository;
    private final TenantTransactions tenants;
    private final Optional<RedisChannels> channels;
    private final TtlCache<UUID, List<CompiledPolicy>> snapshots;
    private final TtlCache<VersionKey, Rule> compiled = new TtlCache<>(Duration.ofHours(1), 50_000);
    private final Object lock = new Object();
    private long generation;

    PolicyCache(PolicyRepository repository, TenantTransactions tenants, Optional<RedisChannels> channels,
                @Value("${agentops.policies.cache-ttl:1s}") Duration ttl) {
        this.repository = repository;
        this.tenants = tenants;
        this.channels = channels;
        this.snapshots = new TtlCache<>(ttl, 20_000);
    }

    @PostConstruct
    void subscribe() {
        channels.ifPresent(redis -> redis.subscribe(CHANNEL, this::received));
    }

    /** The organization's active and shadow policies, compiled. */
    List<CompiledPolicy> live(UUID org) {
        Optional<List<CompiledPolicy>> cached = snapshots.getIfPresent(org);
        if (cached.isPresent()) {
            return cached.get();
        }
        long seen;
        synchronized (lock) {
            seen = generation;
        }
        List<PolicyRepository.Live> rows = tenants.read(org, () -> repository.live(org));
        List<CompiledPolicy> loaded = new ArrayList<>(rows.size());
        for (PolicyRepository.Live row : rows) {
            loaded.add(new CompiledPolicy(row.id(), row.version(), row.name(), row.status(),
                compiled(row.id(), row.version(), row.ruleDefinition())));
        }
        List<CompiledPolicy> snapshot = List.copyOf(loaded);
        synchronized (lock) {
            if (generation == seen) {
                snapshots.put(org, snapshot);
            }
        }
        return snapshot;
    }

    /**
     * The rule of one version (compiled once). A stored rule that no longer compiles (it was valid when saved; only a
     * library change could do this) is logged and fails closed: it evaluates as an error, so it blocks.
     */
    Rule compiled(UUID policyId, int version, Object definition) {
        return compiled.get(new VersionKey(policyId, version), key -> {
            try {
                return Optional.of(RuleParser.parse(definition));
            } catch (InvalidRuleException e) {
                LOG.error("Stored policy {} version {} does not compile ({}); it is skipped", policyId, version, e.getMessage());
                return Optional.of(new Rule(Rule.Kind.EXPRESSION, null, null, Decision.BLOCK, List.of(),
                    RuleParser.DEFAULT_TIMEOUT_MINUTES, Decision.BLOCK, java.util.Set.of()));
            }
        }).orElseThrow();
    }

    /** After a change committed: drop the organization's snapshot here, then on every other instance. */
    void changed(UUID org) {
        invalidate(org);
        channels.ifPresent(redis -> redis.publish(CHANNEL, org.toString()));
    }

    private void invalidate(UUID org) {
        synchronized (lock) {
            generation++;
            snapshots.invalidate(org);
        }
    }

    private void received(String message) {
        try {
            invalidate(UUID.fromString(message.trim()));
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring a malformed policies message");
        }
    }
}
