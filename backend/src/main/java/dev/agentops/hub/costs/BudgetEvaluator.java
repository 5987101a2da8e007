package dev.agentops.hub.costs;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.controls.AgentPauses;
import dev.agentops.hub.controls.PauseSource;
import dev.agentops.hub.ingestion.RunsCommitted;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the budgets of the organizations whose runs a worker batch just committed ({@link RunsCommitted}).
 * Workers only mark the organization; a scheduled pass evaluates each marked organization once, so a burst of
 * batches costs one evaluation and a worker never waits for it.
 *
 * <p>Evaluation is level-triggered: every threshold the current period's spend has reached is inserted as an alert
 * row with {@code ON CONFLICT DO NOTHING} on (budget, period start, kind, threshold), and only the evaluation whose
 * insert returned the row acts on it. So each threshold fires exactly once per budget and period, whatever the number
 * of workers, instances or evaluations, and a crossing missed by a crash is caught by the next evaluation. The next
 * period has another start, so its thresholds fire again.
 *
 * <p>Auto-pause: when the spend reaches {@code auto_pause_at_percent}, an {@code auto_pause} row is inserted the same
 * way and, in the same transaction, the budget's agents that are not paused yet are paused through the controls path
 * ({@link AgentPauses}, source {@code budget}, reason naming the budget). Row and pauses commit together or not at all.
 */
@Singleton
public class BudgetEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetEvaluator.class);

    /** What one evaluation fired (budget id, kind, threshold), and which agents it paused. */
    public record Fired(UUID budgetId, String kind, int threshold, List<UUID> pausedAgentIds) {
    }

    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final BudgetRepository budgets;
    private final BudgetSpend spend;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final AgentPauses pauses;
    private final Jdbc jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher<BudgetAlertsRaised> raised;
    private final BudgetStates states;

    BudgetEvaluator(BudgetRepository budgets, BudgetSpend spend, OrganizationRepository organizations,
                    TenantTransactions tenants, AgentPauses pauses, Jdbc jdbc, Clock clock,
                    ApplicationEventPublisher<BudgetAlertsRaised> raised, BudgetStates states) {
        this.budgets = budgets;
        this.spend = spend;
        this.organizations = organizations;
        this.tenants = tenants;
        this.pauses = pauses;
        this.jdbc = jdbc;
        this.clock = clock;
        this.raised = raised;
        this.states = states;
    }

    @EventListener
    void onRunsCommitted(RunsCommitted batch) {
        pending.addAll(batch.organizationIds());
    }

    /** A budget was created or changed: a lowered limit may already be crossed without any new run. */
    void schedule(UUID org) {
        pending.add(org);
    }

    @Scheduled(fixedDelay = "${agentops.budgets.evaluation-interval:1s}", initialDelay = "1s")
    void evaluatePending() {
        for (UUID org : List.copyOf(pending)) {
            running.add(org);
            pending.remove(org);
            try {
                evaluate(org, clock.instant(), true);
            } catch (RuntimeException e) {
                // level-triggered: the organization's next batch evaluates again and catches what this one missed
                LOG.warn("Budget evaluation of organization {} failed ({}: {})", org, e.getClass().getSimpleName(), e.getMessage());
            } finally {
                running.remove(org);
            }
        }
    }

    /** Whether no scheduled evaluation of the organization is waiting or running (tests wait for this). */
    boolean idle(UUID org) {
        return !pending.contains(org) && !running.contains(org);
    }

    /** Evaluates the organization's budgets as of {@code now}; returns what this call fired. */
    public List<Fired> evaluate(UUID org, Instant now) {
        return evaluate(org, now, false);
    }

    /** {@code current}: {@code now} is the clock's now, so the statuses read on the way are the current ones. */
    private List<Fired> evaluate(UUID org, Instant now, boolean current) {
        BudgetStates.Version version = states.version();
        List<Fired> committed = tenants.write(org, () -> {
            List<Budget> all = budgets.all(org);
            List<Fired> fired = new ArrayList<>();
            if (all.isEmpty()) {
                return fired;
            }
            ZoneId zone = organizations.zone(org);
            Clock at = Clock.fixed(now, ZoneOffset.UTC);
            Map<UUID, BudgetSpend.Spend> spent = spend.of(org, all, BudgetService.windows(now, zone));
            if (current) {
                states.offer(org, version, BudgetStates.snapshotOf(all, spent, at, zone));
            }
            for (Budget budget : all) {
                BudgetStatus status = BudgetService.status(budget, spent.get(budget.id()), at, zone);
                for (int threshold : budget.alertThresholds()) {
                    if (BudgetStatus.reached(status.spentUsd(), budget.maxAmountUsd(), threshold)
                        && budgets.insertAlert(org, budget, "threshold", threshold, status)) {
                        fired.add(new Fired(budget.id(), "threshold", threshold, List.of()));
                    }
                }
                Integer pauseAt = budget.autoPauseAtPercent();
                if (pauseAt != null && BudgetStatus.reached(status.spentUsd(), budget.maxAmountUsd(), pauseAt)
                    && budgets.insertAlert(org, budget, "auto_pause", pauseAt, status)) {
                    List<UUID> paused = pauseAgents(org, budget, status);
                    budgets.recordPausedAgents(org, budget.id(), status.periodStart(), paused);
                    fired.add(new Fired(budget.id(), "auto_pause", pauseAt, paused));
                }
            }
            return fired;
        });
        if (!committed.isEmpty()) {
            // after the commit, so that the notifications drainer it wakes sees the new alert rows
            raised.publishEvent(new BudgetAlertsRaised(org));
        }
        return committed;
    }

    private List<UUID> pauseAgents(UUID org, Budget budget, BudgetStatus status) {
        String reason = "Budget \"" + budget.name() + "\" reached " + budget.autoPauseAtPercent() + " % of $"
            + budget.maxAmountUsd().stripTrailingZeros().toPlainString() + " (" + budget.period().key() + ")";
        // in id order, like the workers, so that concurrent lockers of several agents never wait on each other crosswise
        List<UUID> paused = agentsToPause(org, budget);
        paused.forEach(agentId -> pauses.pause(org, AuditActor.system(), agentId, PauseSource.BUDGET,
            reason.substring(0, Math.min(reason.length(), 500))));
        return paused;
    }

    private List<UUID> agentsToPause(UUID org, Budget budget) {
        return jdbc.query("""
            select id from agents where organization_id = ? and status = 'active'
               and (?::text = 'organization' or (?::text = 'agent' and id = ?::uuid) or (?::text = 'team' and team = ?::text))
             order by id""", row -> row.uuid("id"),
            org, budget.scope().key(), budget.scope().key(), budget.agentId(), budget.scope().key(), budget.teamName());
    }
}
