package dev.agentops.hub.costs;

import dev.agentops.hub.agents.Agent;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * How close an agent is to its budgets, for policy rules ({@code budget.percent_used}, {@code budget.state}): the
 * highest percent and the worst state among the budgets that cover it (its own, its team's, the organization's).
 * Read from {@link BudgetStates}' per-organization snapshot, the one every ingest ack reads: a policy check never
 * waits for the rollups query (the snapshot is reloaded in the background), and the rollups themselves trail ingestion
 * by the workers' batching anyway.
 */
@Singleton
public class AgentBudgets {

    /** No budget covers the agent: {@code percent_used} 0, {@code state} ok. */
    public record Level(BigDecimal percentUsed, String state) {
    }

    private final BudgetStates states;

    AgentBudgets(BudgetStates states) {
        this.states = states;
    }

    public Level of(UUID org, Agent agent) {
        BudgetStates.Level level = states.level(org, agent.id(), agent.team());
        return new Level(level.percentUsed(), level.state().key());
    }
}
