package dev.agentops.hub.costs;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The current period's spend of every budget of an organization, from the hourly rollups the workers update in
 * their own transaction: one pass over the organization's rollups since the earliest period start (all of them when
 * a budget has the {@code total} period), summed per agent and period, then per budget's agents. A team budget
 * covers the agents whose {@code team} is the budget's team now.
 */
// Hand-written SQL on purpose (#17): spend sums over the rollups, read on every budget evaluation.
@Singleton
class BudgetSpend {

    record Spend(BigDecimal costUsd, long unpricedRuns) {
        static final Spend ZERO = new Spend(BigDecimal.ZERO, 0);

        Spend plus(Spend other) {
            return new Spend(costUsd.add(other.costUsd), unpricedRuns + other.unpricedRuns);
        }
    }

    private final Jdbc jdbc;

    BudgetSpend(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Spend> of(UUID organizationId, List<Budget> budgets, Map<BudgetPeriod, BudgetPeriod.Window> windows) {
        Map<UUID, Spend> result = new HashMap<>();
        if (budgets.isEmpty()) {
            return result;
        }
        List<BudgetPeriod> periods = budgets.stream().map(Budget::period).distinct().toList();
        StringBuilder columns = new StringBuilder("agent_id");
        List<Object> args = new ArrayList<>();
        for (BudgetPeriod period : periods) {
            BudgetPeriod.Window w = windows.get(period);
            String filter = period == BudgetPeriod.TOTAL ? "" : " filter (where bucket >= ? and bucket < ?)";
            columns.append(", coalesce(sum(cost_usd)").append(filter).append(", 0) as cost_").append(period.key())
                .append(", coalesce(sum(unpriced_runs)").append(filter).append(", 0) as unpriced_").append(period.key());
            if (period != BudgetPeriod.TOTAL) {
                args.addAll(List.of(w.firstBucket(), w.endBucket(), w.firstBucket(), w.endBucket()));
            }
        }
        Instant since = periods.contains(BudgetPeriod.TOTAL) ? BudgetPeriod.BEGINNING
            : periods.stream().map(p -> windows.get(p).firstBucket()).min(Instant::compareTo).orElseThrow();
        args.add(organizationId);
        args.add(since);
        Map<UUID, Map<BudgetPeriod, Spend>> byAgent = new HashMap<>();
        jdbc.query("select " + columns + " from run_rollups_hourly where organization_id = ? and bucket >= ? group by agent_id",
            row -> {
                Map<BudgetPeriod, Spend> spends = new EnumMap<>(BudgetPeriod.class);
                for (BudgetPeriod period : periods) {
                    spends.put(period, new Spend(row.decimal("cost_" + period.key()), row.longValue("unpriced_" + period.key())));
                }
                byAgent.put(row.uuid("agent_id"), spends);
                return null;
            }, args.toArray());
        Map<UUID, String> teamOf = new HashMap<>();
        if (budgets.stream().anyMatch(b -> b.scope() == BudgetScope.TEAM)) {
            jdbc.query("select id, team from agents where organization_id = ? and team is not null",
                row -> Map.entry(row.uuid("id"), row.string("team")), organizationId)
                .forEach(agent -> teamOf.put(agent.getKey(), agent.getValue()));
        }
        for (Budget budget : budgets) {
            result.put(budget.id(), byAgent.entrySet().stream().filter(agent -> switch (budget.scope()) {
                case ORGANIZATION -> true;
                case AGENT -> agent.getKey().equals(budget.agentId());
                case TEAM -> Objects.equals(teamOf.get(agent.getKey()), budget.teamName());
            }).map(agent -> agent.getValue().get(budget.period())).reduce(Spend.ZERO, Spend::plus));
        }
        return result;
    }
}
