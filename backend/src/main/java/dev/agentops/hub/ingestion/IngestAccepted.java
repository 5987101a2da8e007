package dev.agentops.hub.ingestion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * The 202 of docs/api.md: the payload is durably queued. {@code agent_status} is {@code paused} while the agent is paused or
 * the organization is halted ({@code halted}); SDKs then stop the agent's work. The telemetry is recorded either way.
 */
@Serdeable
public record IngestAccepted(UUID id, String status, String runId, String agentStatus, boolean halted,
                             @Nullable String pausedReason, String message) {
}
