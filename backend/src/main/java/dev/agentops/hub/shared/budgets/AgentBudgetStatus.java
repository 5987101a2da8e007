package dev.agentops.hub.shared.budgets;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * An agent's {@code budget_status} ({@code ok}, {@code warning} or {@code exceeded}), as agents, controls and ingestion
 * read it. Implemented by costs, which itself reads agents, pauses through controls and listens to ingestion: reading
 * through this port keeps those features free of a dependency back on costs.
 */
public interface AgentBudgetStatus {

    /** The worst state among the budgets covering the agent: its own, its team's, the organization's. */
    String of(UUID org, UUID agentId, String team);

    /** For lists: one snapshot read, then a lookup per (agent id, team). */
    BiFunction<UUID, String, String> forOrganization(UUID org);

    /** True when {@link #of} would answer from memory, without a database read. */
    boolean inMemory(UUID org);
}
