package dev.agentops.hub.costs;

import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code budget_status} of an agent: the worst state ({@code ok < warning < exceeded}) among the budgets covering it in
 * their current period (its agent budgets, its team's, the organization's), with the highest share spent (policies'
 * {@code budget.percent_used}). Read by every ingest ack (on the event loop), the SDK's status read, the agent
 * responses and every policy check that reads {@code budget.*}, so it is one per-organization snapshot in memory.
 *
 * <p>Freshness: a snapshot younger than {@code agentops.budgets.status-ttl} (at most 1 s) is served as is. An older one
 * (up to {@value #MAX_STALE_SECONDS} s) is still served while one background reload replaces it, so that an ack never
 * waits for the rollup sum; without a usable snapshot (first read, or a budget just changed here) the read loads it
 * itself. Budget changes drop the snapshot at once ({@link #invalidate}); other instances follow within the TTL.
 */
@Singleton
public class BudgetStates {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetStates.class);
    private static final Duration MAX_TTL = Duration.ofSeconds(1);
    private static final long MAX_STALE_SECONDS = 10;
    private static final int MAX_ORGANIZATIONS = 20_000;

    /** The worst of the budgets covering an agent: the highest share spent and the worst state. */
    public record Level(BigDecimal percentUsed, BudgetStatus.State state) {

        static final Level NONE = new Level(BigDecimal.ZERO, BudgetStatus.State.OK);

        Level and(@Nullable Level other) {
            return other == null ? this : new Level(percentUsed.max(other.percentUsed), worse(state, other.state));
        }
    }

    /** One organization's budget levels: the organization-wide worst, per team and per agent. */
    record OrgBudgets(Level organization, Map<String, Level> teams, Map<UUID, Level> agents) {

        static final OrgBudgets NONE = new OrgBudgets(Level.NONE, Map.of(), Map.of());

        Level of(UUID agentId, String team) {
            return organization.and(team == null ? null : teams.get(team)).and(agents.get(agentId));
        }
    }

    private record Entry(OrgBudgets budgets, long loadedAtNanos) {
    }

    private final BudgetRepository budgets;
    private final BudgetSpend spend;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final ExecutorService background;
    private final Clock clock;
    private final long ttlNanos;
    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final Set<UUID> reloading = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();

    BudgetStates(BudgetRepository budgets, BudgetSpend spend, OrganizationRepository organizations, TenantTransactions tenants,
                 @Named(TaskExecutors.BLOCKING) ExecutorService background, Clock clock,
                 @Value("${agentops.budgets.status-ttl:1s}") Duration ttl) {
        this.budgets = budgets;
        this.spend = spend;
        this.organizations = organizations;
        this.tenants = tenants;
        this.background = background;
        this.clock = clock;
        this.ttlNanos = (ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl).toNanos();
    }

    /** The agent's {@code budget_status} key: {@code ok}, {@code warning} or {@code exceeded}. */
    public String of(UUID org, UUID agentId, String team) {
        return snapshot(org).of(agentId, team).state().key();
    }

    /** The agent's level for policies' {@code budget.percent_used} and {@code budget.state}, from the same snapshot. */
    public Level level(UUID org, UUID agentId, String team) {
        return snapshot(org).of(agentId, team);
    }

    /** For lists: one snapshot read, then a lookup per agent. */
    public java.util.function.BiFunction<UUID, String, String> forOrganization(UUID org) {
        OrgBudgets snapshot = snapshot(org);
        return (agentId, team) -> snapshot.of(agentId, team).state().key();
    }

    /** A budget of the organization was created, changed or deleted here. */
    void invalidate(UUID org) {
        generation.incrementAndGet();
        entries.remove(org);
    }

    OrgBudgets snapshot(UUID org) {
        long now = System.nanoTime();
        Entry entry = entries.get(org);
        if (entry != null) {
            long age = now - entry.loadedAtNanos();
            if (age <= ttlNanos) {
                return entry.budgets();
            }
            if (age <= Duration.ofSeconds(MAX_STALE_SECONDS).toNanos()) {
                reloadInBackground(org);
                return entry.budgets();
            }
        }
        return load(org);
    }

    private void reloadInBackground(UUID org) {
        if (!reloading.add(org)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    load(org);
                } catch (RuntimeException e) {
                    LOG.warn("Reloading the budget states of organization {} failed ({}: {})", org, e.getClass().getSimpleName(), e.getMessage());
                } finally {
                    reloading.remove(org);
                }
            });
        } catch (RejectedExecutionException e) {
            reloading.remove(org);
        }
    }

    private OrgBudgets load(UUID org) {
        long seen = generation.get();
        long startedAt = System.nanoTime();
        OrgBudgets loaded = tenants.read(org, () -> compute(org));
        if (generation.get() == seen) {
            if (entries.size() >= MAX_ORGANIZATIONS) {
                entries.clear();
            }
            // aged from the start of the load: the spend it read is that old
            entries.put(org, new Entry(loaded, startedAt));
        }
        return loaded;
    }

    private OrgBudgets compute(UUID org) {
        List<Budget> all = budgets.all(org);
        if (all.isEmpty()) {
            return OrgBudgets.NONE;
        }
        ZoneId zone = organizations.zone(org);
        Map<UUID, BudgetSpend.Spend> spent = spend.of(org, all, BudgetService.windows(clock.instant(), zone));
        Level organization = Level.NONE;
        Map<String, Level> teams = new HashMap<>();
        Map<UUID, Level> agents = new HashMap<>();
        for (Budget budget : all) {
            BudgetStatus status = BudgetService.status(budget, spent.get(budget.id()), clock, zone);
            Level level = new Level(status.percent(), BudgetStatus.State.valueOf(status.state().toUpperCase(java.util.Locale.ROOT)));
            switch (budget.scope()) {
                case ORGANIZATION -> organization = organization.and(level);
                case TEAM -> teams.merge(budget.teamName(), level, Level::and);
                case AGENT -> agents.merge(budget.agentId(), level, Level::and);
            }
        }
        return new OrgBudgets(organization, Map.copyOf(teams), Map.copyOf(agents));
    }

    private static BudgetStatus.State worse(BudgetStatus.State a, BudgetStatus.State b) {
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
