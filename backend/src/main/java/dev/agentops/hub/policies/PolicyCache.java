package dev.agentops.hub.policies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.agentops.hub.shared.redis.RedisChannels;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * The compiled live policies of each organization, for the check's hot path. A snapshot per organization lives at
 * most {@code agentops.policies.cache-ttl} (1 s), counted from the start of the query that read it; every change drops
 * it here before its answer leaves and on every other instance through the Redis channel {@value #CHANNEL}
 * (milliseconds). Compiled rules are kept by (policy, version): versions are immutable, so a reload after a change
 * recompiles only the changed policy. A load that raced with a change is not kept (Caffeine drops a value whose key
 * was invalidated while it loaded, and a refresh whose entry changed meanwhile).
 *
 * <p>Refresh ahead: once a snapshot is half its TTL old, the next check starts one background reload and is answered
 * from the snapshot, which is still within its TTL. So under steady traffic no check waits for the policies query;
 * only the first check after a change (or after a quiet second) loads them itself. The TTL stays a hard limit.
 */
@Singleton
class PolicyCache {

    static final String CHANNEL = "agentops:policies";
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCache.class);

    private static final int MAX_ORGANIZATIONS = 20_000;

    private record VersionKey(UUID policyId, int version) {
    }

    private record Snapshot(LivePolicies policies, long readAtNanos) {
    }

    private final PolicyRepository repository;
    private final TenantTransactions tenants;
    private final Optional<RedisChannels> channels;
    private final LoadingCache<UUID, Snapshot> snapshots;
    private final Cache<VersionKey, Rule> compiled =
        Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(50_000).build();

    PolicyCache(PolicyRepository repository, TenantTransactions tenants, Optional<RedisChannels> channels,
                @Named(TaskExecutors.BLOCKING) ExecutorService background,
                @Value("${agentops.policies.cache-ttl:1s}") Duration ttl) {
        this.repository = repository;
        this.tenants = tenants;
        this.channels = channels;
        this.snapshots = Caffeine.newBuilder()
            .maximumSize(MAX_ORGANIZATIONS)
            .expireAfter(Expiry.writing((UUID org, Snapshot snapshot) ->
                ttl.minusNanos(Math.min(ttl.toNanos(), System.nanoTime() - snapshot.readAtNanos()))))
            .refreshAfterWrite(ttl.dividedBy(2).isZero() ? Duration.ofNanos(1) : ttl.dividedBy(2))
            .executor(background)
            .build(this::load);
    }

    @PostConstruct
    void subscribe() {
        channels.ifPresent(redis -> redis.subscribeIds(CHANNEL, snapshots::invalidate));
    }

    /** The organization's active and shadow policies, compiled. */
    LivePolicies live(UUID org) {
        return snapshots.get(org).policies();
    }

    private Snapshot load(UUID org) {
        long startedAt = System.nanoTime();
        List<CompiledPolicy> loaded = tenants.read(org, () -> repository.live(org)).stream()
            .map(row -> new CompiledPolicy(row.id(), row.version(), row.name(), row.status(),
                compiled(row.id(), row.version(), row.ruleDefinition())))
            .toList();
        return new Snapshot(LivePolicies.of(loaded), startedAt);
    }

    /**
     * The rule of one version (compiled once). A stored rule that no longer compiles (it was valid when saved; only a
     * library change could do this) is logged and fails closed: it evaluates as an error, so it blocks.
     */
    Rule compiled(UUID policyId, int version, Object definition) {
        return compiled.get(new VersionKey(policyId, version), key -> {
            try {
                return RuleParser.parse(definition);
            } catch (InvalidRuleException e) {
                LOG.error("Stored policy {} version {} does not compile ({}); it is skipped", policyId, version, e.getMessage());
                return new Rule(Rule.Kind.EXPRESSION, null, null, Decision.BLOCK, List.of(),
                    RuleParser.DEFAULT_TIMEOUT_MINUTES, Decision.BLOCK, java.util.Set.of());
            }
        });
    }

    /** After a change committed: drop the organization's snapshot here, then on every other instance. */
    void changed(UUID org) {
        snapshots.invalidate(org);
        channels.ifPresent(redis -> redis.publish(CHANNEL, org.toString()));
    }
}
