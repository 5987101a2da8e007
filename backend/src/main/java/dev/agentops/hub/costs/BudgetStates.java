package dev.agentops.hub.costs;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.budgets.AgentBudgetStatus;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Every budget's status in its current period, as one per-organization snapshot in memory. Read by every ingest ack
 * (on the event loop), the SDK's status read, the agent responses ({@code budget_status} of an agent: the worst state,
 * {@code ok < warning < exceeded}, among the budgets covering it: its agent budgets, its team's, the organization's)
 * and the cost summary, so summing 50 budgets' spend over the rollups happens at most once a second, not per request.
 *
 * <p>Freshness (a Caffeine cache): a snapshot stored less than {@code agentops.budgets.status-ttl} (at most 1 s) ago
 * is served as is. An older one (up to {@value #MAX_STALE_SECONDS} s, counted from the start of the computation) is
 * still served while one background reload replaces it ({@code refreshAfterWrite}), so that an ack never waits for the
 * rollup sum; without a usable snapshot (first read, or a budget just changed here) the read loads it itself. Budget
 * changes drop the snapshot at once ({@link #invalidate}; a load or reload in flight then is not kept); other
 * instances follow within the TTL.
 */
@Singleton
public class BudgetStates implements AgentBudgetStatus {

    private static final Duration MAX_TTL = Duration.ofSeconds(1);
    private static final long MAX_STALE_SECONDS = 10;
    private static final int MAX_ORGANIZATIONS = 20_000;

    /** One organization's budgets with their status, and the worst state organization-wide, per team and per agent. */
    record OrgBudgets(List<BudgetResponse> statuses, BudgetStatus.State organization, Map<String, BudgetStatus.State> teams,
                      Map<UUID, BudgetStatus.State> agents) {

        static final OrgBudgets NONE = new OrgBudgets(List.of(), BudgetStatus.State.OK, Map.of(), Map.of());

        BudgetStatus.State of(UUID agentId, String team) {
            return worse(worse(organization, team == null ? null : teams.get(team)), agents.get(agentId));
        }
    }

    private record Entry(OrgBudgets budgets, long loadedAtNanos) {
    }

    private final BudgetRepository budgets;
    private final BudgetSpend spend;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final Clock clock;
    private final LoadingCache<UUID, Entry> entries;
    private final AtomicLong generation = new AtomicLong();

    BudgetStates(BudgetRepository budgets, BudgetSpend spend, OrganizationRepository organizations, TenantTransactions tenants,
                 @Named(TaskExecutors.BLOCKING) ExecutorService background, Clock clock,
                 @Value("${agentops.budgets.status-ttl:1s}") Duration ttl) {
        this.budgets = budgets;
        this.spend = spend;
        this.organizations = organizations;
        this.tenants = tenants;
        this.clock = clock;
        Duration maxStale = Duration.ofSeconds(MAX_STALE_SECONDS);
        this.entries = Caffeine.newBuilder()
            .maximumSize(MAX_ORGANIZATIONS)
            .expireAfter(Expiry.writing((UUID org, Entry entry) ->
                maxStale.minusNanos(Math.min(maxStale.toNanos(), System.nanoTime() - entry.loadedAtNanos()))))
            .refreshAfterWrite(ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl.isZero() ? Duration.ofNanos(1) : ttl)
            .executor(background)
            .build(this::load);
    }

    @Override
    public String of(UUID org, UUID agentId, String team) {
        return snapshot(org).of(agentId, team).key();
    }

    @Override
    public BiFunction<UUID, String, String> forOrganization(UUID org) {
        OrgBudgets snapshot = snapshot(org);
        return (agentId, team) -> snapshot.of(agentId, team).key();
    }

    /** Every budget of the organization with its status, at most {@code status-ttl} old (fresh after a change here). */
    List<BudgetResponse> statuses(UUID org) {
        return snapshot(org).statuses();
    }

    /** A budget of the organization was created, changed or deleted here. */
    void invalidate(UUID org) {
        generation.incrementAndGet();
        entries.invalidate(org);
    }

    /** A fresh or a still servable snapshot counts as in memory. */
    @Override
    public boolean inMemory(UUID org) {
        Entry entry = entries.getIfPresent(org); // never a load: this runs on the event loop
        return entry != null && System.nanoTime() - entry.loadedAtNanos() <= Duration.ofSeconds(MAX_STALE_SECONDS).toNanos();
    }

    /**
     * A kept snapshot (a stale one triggers the background reload), or one computed now. Not through the cache's loader:
     * that runs one load per key at a time, and while the database is unreachable each caller would wait for every
     * earlier one's connection timeout in turn; {@link #offer} keeps the result unless a budget changed meanwhile.
     */
    OrgBudgets snapshot(UUID org) {
        Entry kept = entries.getIfPresent(org);
        if (kept != null) {
            return kept.budgets();
        }
        Version version = version();
        OrgBudgets computed = load(org).budgets();
        offer(org, version, computed);
        return computed;
    }

    private Entry load(UUID org) {
        long startedAt = System.nanoTime();
        return new Entry(tenants.read(org, () -> compute(org)), startedAt);
    }

    /** When a snapshot computation started, and which budget changes it had seen: see {@link #offer}. */
    record Version(long generation, long startedAtNanos) {
    }

    Version version() {
        return new Version(generation.get(), System.nanoTime());
    }

    /**
     * Keeps a snapshot computed from the spend as of {@code version}, here or by the budget evaluation (which reads
     * the same spend every second an organization ingests, so acks then find a fresh snapshot and trigger no reload of
     * their own). A budget change since {@code version} voids it.
     */
    void offer(UUID org, Version version, OrgBudgets snapshot) {
        if (generation.get() != version.generation()) {
            return;
        }
        // aged from the start of the computation: the spend it read is that old
        entries.asMap().merge(org, new Entry(snapshot, version.startedAtNanos()),
            (old, fresh) -> fresh.loadedAtNanos() - old.loadedAtNanos() >= 0 ? fresh : old);
    }

    private OrgBudgets compute(UUID org) {
        List<Budget> all = budgets.all(org);
        if (all.isEmpty()) {
            return OrgBudgets.NONE;
        }
        ZoneId zone = organizations.zone(org);
        return snapshotOf(all, spend.of(org, all, BudgetService.windows(clock.instant(), zone)), clock, zone);
    }

    /** The budgets' statuses from their current period's spend, and the worst state per scope. */
    static OrgBudgets snapshotOf(List<Budget> all, Map<UUID, BudgetSpend.Spend> spent, Clock clock, ZoneId zone) {
        List<BudgetResponse> statuses = new ArrayList<>(all.size());
        BudgetStatus.State organization = BudgetStatus.State.OK;
        Map<String, BudgetStatus.State> teams = new HashMap<>();
        Map<UUID, BudgetStatus.State> agents = new HashMap<>();
        for (Budget budget : all) {
            BudgetStatus status = BudgetService.status(budget, spent.get(budget.id()), clock, zone);
            statuses.add(BudgetResponse.of(budget, status));
            BudgetStatus.State state = BudgetStatus.State.valueOf(status.state().toUpperCase(java.util.Locale.ROOT));
            switch (budget.scope()) {
                case ORGANIZATION -> organization = worse(organization, state);
                case TEAM -> teams.merge(budget.teamName(), state, BudgetStates::worse);
                case AGENT -> agents.merge(budget.agentId(), state, BudgetStates::worse);
            }
        }
        return new OrgBudgets(List.copyOf(statuses), organization, Map.copyOf(teams), Map.copyOf(agents));
    }

    private static BudgetStatus.State worse(BudgetStatus.State a, BudgetStatus.State b) {
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
