package dev.agentops.hub.ingestion;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** An ingest job that ended as failed: its reason, how often it was tried, when it was received. */
@Serdeable
public record FailedJob(UUID id, String status, int attempts, String error, Instant receivedAt) {
}
