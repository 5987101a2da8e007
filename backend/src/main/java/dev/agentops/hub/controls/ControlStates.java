package dev.agentops.hub.controls;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentops.hub.shared.cache.ReadThrough;
import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentChanged;
import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.shared.redis.RedisChannels;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one read of "may this agent work now?" (see the package documentation): hot, as every SDK process asks once a
 * second, so served from a per-organization snapshot ({@link OrgControls}) in memory, never staler than
 * {@code agentops.controls.cache-ttl} (at most 1 s). {@link #write} bypasses and drops it around a control's
 * transaction, here and, through the Redis channel {@value #CHANNEL}, on every other instance. A load that raced with
 * an invalidation is not kept: it may predate the commit.
 */
@Singleton
public class ControlStates {

    static final String CHANNEL = "agentops:controls";
    private static final Duration MAX_TTL = Duration.ofSeconds(1);

    /** An agent and what it must do now. */
    public record AgentState(Agent agent, AgentRuntimeStatus status) {
    }

    private final ControlsRepository repository;
    private final AgentRepository agents;
    private final TenantTransactions tenants;
    private final Optional<RedisChannels> channels;
    private final StatusWaiters waiters;
    private final Cache<UUID, OrgControls> snapshots;
    /** Agents by organization and id or slug: who they are (and whether archived), not whether paused. */
    private final Cache<String, Agent> identities;
    private final ConcurrentHashMap<UUID, Integer> inFlight = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private long generation;

    ControlStates(ControlsRepository repository, AgentRepository agents, TenantTransactions tenants,
                  Optional<RedisChannels> channels, StatusWaiters waiters,
                  @Value("${agentops.controls.cache-ttl:1s}") Duration ttl) {
        this.repository = repository;
        this.agents = agents;
        this.tenants = tenants;
        this.channels = channels;
        this.waiters = waiters;
        Duration bounded = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        this.snapshots = Caffeine.newBuilder().expireAfterWrite(bounded).maximumSize(20_000).build();
        this.identities = Caffeine.newBuilder().expireAfterWrite(bounded).maximumSize(20_000).build();
    }

    @PostConstruct
    void subscribe() {
        channels.ifPresent(redis -> redis.subscribeIds(CHANNEL, this::invalidate));
    }

    /** The agent named by id or slug (as the SDK sends it) with its state now; empty when the organization has none. */
    public Optional<AgentState> agent(UUID org, String idOrSlug) {
        Optional<Agent> agent = Optional.ofNullable(ReadThrough.get(identities, org + "/" + idOrSlug,
            key -> tenants.read(org, () -> resolve(org, idOrSlug)).orElse(null)));
        return agent.map(a -> new AgentState(a, controls(org).statusOf(a.id(), a.status())));
    }

    /** True when {@link #agent} would answer from memory, without a database round trip. */
    public boolean inMemory(UUID org, String idOrSlug) {
        return identities.getIfPresent(org + "/" + idOrSlug) != null && !inFlight.containsKey(org)
            && snapshots.getIfPresent(org) != null;
    }

    /** The state of an agent known by id (policy checks, budgets); the row status is taken as active when unknown. */
    public AgentRuntimeStatus status(UUID org, UUID agentId) {
        return controls(org).statusOf(agentId, "active");
    }

    public boolean halted(UUID org) {
        return controls(org).halted();
    }

    OrgControls controls(UUID org) {
        OrgControls cached = inFlight.containsKey(org) ? null : snapshots.getIfPresent(org);
        if (cached != null) {
            return cached;
        }
        long seen;
        synchronized (lock) {
            seen = generation;
        }
        OrgControls loaded = tenants.read(org, () -> repository.snapshot(org)).orElse(new OrgControls(false, null, Map.of()));
        synchronized (lock) {
            if (generation == seen && !inFlight.containsKey(org)) {
                snapshots.put(org, loaded);
            }
        }
        return loaded;
    }

    /**
     * A control's transaction: while it runs, reads of this organization go to PostgreSQL; after it (committed or
     * not), the snapshot drops here, then on every other instance.
     */
    <T> T write(UUID org, Supplier<T> control) {
        synchronized (lock) {
            inFlight.merge(org, 1, Integer::sum);
            generation++;
            snapshots.invalidate(org);
        }
        try {
            return tenants.write(org, control);
        } finally {
            invalidate(org);
            synchronized (lock) {
                inFlight.computeIfPresent(org, (key, count) -> count == 1 ? null : count - 1);
            }
            channels.ifPresent(redis -> redis.publish(CHANNEL, org.toString()));
        }
    }

    @EventListener
    void onAgentChanged(AgentChanged change) {
        identities.asMap().values().removeIf(agent -> agent.id().equals(change.agentId()));
        invalidate(change.organizationId());
    }

    /** Drops the organization's snapshot, then lets the long-polling status reads of it look again. */
    private void invalidate(UUID org) {
        synchronized (lock) {
            generation++;
            snapshots.invalidate(org);
        }
        waiters.wake(org);
    }

    private Optional<Agent> resolve(UUID org, String idOrSlug) {
        try {
            return agents.find(org, UUID.fromString(idOrSlug));
        } catch (IllegalArgumentException notAUuid) {
            return agents.findBySlug(org, idOrSlug);
        }
    }
}
