package dev.agentops.hub.ingestion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * The 202 of docs/api.md: the payload is durably queued. {@code agent_status} is {@code paused} while the agent is paused or
 * the organization is halted ({@code halted}); SDKs then stop the agent's work. The telemetry is recorded either way.
 * {@code budget_status} is the worst state of the budgets covering the agent in their current period.
 */
@Serdeable
public record IngestAccepted(UUID id, String status, String runId, String agentStatus, boolean halted,
                             @Nullable String pausedReason,
                             @Schema(allowableValues = {"ok", "warning", "exceeded"},
                                 requiredMode = Schema.RequiredMode.REQUIRED) String budgetStatus,
                             String message) {
}
