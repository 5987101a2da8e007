package dev.agentops.hub.ingestion;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** {@code GET /ingest/jobs/:id}: queued (maybe retrying), processed (with the run), or failed (with the reason). */
@Serdeable
public record JobStatus(UUID id, String status, int attempts, String error, UUID runId, Instant receivedAt, Instant processedAt) {
}
