package dev.agentops.hub.costs;

import dev.agentops.hub.agents.Agent;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How close an agent is to its budgets, for policy rules ({@code budget.percent_used}, {@code budget.state}): the
 * highest percent and the worst state among the budgets that cover it (its own, its team's, the organization's).
 * Read from {@link BudgetStates}' per-organization snapshot (at most 1 s old, reloaded in the background), so a policy
 * check never waits for the rollups query.
 */
@Singleton
public class AgentBudgets {

    /** No budget covers the agent: {@code percent_used} 0, {@code state} ok. */
    public record Level(BigDecimal percentUsed, String state) {
        static final Level NONE = new Level(BigDecimal.ZERO, "ok");
    }

    private final BudgetStates states;

    AgentBudgets(BudgetStates states) {
        this.states = states;
    }

    public Level of(UUID org, Agent agent) {
        Level level = Level.NONE;
        for (BudgetResponse b : states.statuses(org)) {
            boolean covers = switch (b.scope()) {
                case "agent" -> agent.id().equals(b.agentId());
                case "team" -> b.teamName() != null && Objects.equals(b.teamName(), agent.team());
                default -> true;
            };
            if (covers) {
                BudgetStatus s = b.status();
                level = new Level(level.percentUsed().max(s.percent()), worse(level.state(), s.state()));
            }
        }
        return level;
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("ok", "warning", "exceeded");
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }
}
