package dev.agentops.hub.controls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * What an agent must do now, as ingest acks and the SDK's status read say it: {@code agent_status} is
 * {@code paused} when the agent is paused or the organization is halted; then {@code paused_reason} and
 * {@code pause_source} say why ({@code kill_switch} and the halt's reason when only the halt applies). An archived
 * agent reads {@code archived} (ingest refuses its runs with 409 agent_archived). {@code budget_status} is the worst
 * state of the budgets covering the agent in their current period (costs' {@code BudgetStates}); the controls
 * snapshot leaves it null and the answers fill it in ({@link #withBudgetStatus}).
 */
@Serdeable
@Schema(name = "AgentRuntimeStatus")
public record AgentRuntimeStatus(UUID agentId,
                                 @Schema(allowableValues = {"active", "paused", "error", "archived"},
                                     requiredMode = Schema.RequiredMode.REQUIRED) String agentStatus,
                                 boolean halted, @Nullable String pausedReason,
                                 @Nullable @Schema(allowableValues = {"person", "kill_switch", "budget", "policy"}) String pauseSource,
                                 @Schema(allowableValues = {"ok", "warning", "exceeded"},
                                     requiredMode = Schema.RequiredMode.REQUIRED) String budgetStatus) {

    public AgentRuntimeStatus withBudgetStatus(String budget) {
        return new AgentRuntimeStatus(agentId, agentStatus, halted, pausedReason, pauseSource, budget);
    }

    public boolean paused() {
        return "paused".equals(agentStatus);
    }
}
