package dev.agentops.hub.ingestion;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** The 202 of docs/api.md: the payload is durably queued; SDKs stop sending when agent_status says paused. */
@Serdeable
public record IngestAccepted(UUID id, String status, String runId, String agentStatus, String message) {
}
