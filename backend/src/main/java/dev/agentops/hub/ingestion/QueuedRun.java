package dev.agentops.hub.ingestion;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** What a queue row holds: the validated piece and the agent it was resolved to at acceptance. */
@Serdeable
record QueuedRun(UUID agentId, Instant receivedAt, IngestRunRequest run) {
}
