package dev.agentops.hub.ingestion;

import io.micronaut.serde.annotation.Serdeable;

/** How many failed jobs went back to the queue, and how many failed ones are left (call again when > 0). */
@Serdeable
public record RequeueResult(int requeued, long remaining) {
}
