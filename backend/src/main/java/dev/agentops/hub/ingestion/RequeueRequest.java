package dev.agentops.hub.ingestion;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** {@code POST /ingest/jobs/requeue}: which jobs to put back in the queue (only {@code failed} exists). */
@Serdeable
public record RequeueRequest(@NotBlank String status) {
}
