package dev.agentops.hub.ingestion;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Server-side events on a client's run (policy checks, approval decisions): queued exactly like an ingested piece
 * {@code {run_id, agent_id, events: [event]}}, through the same group commit and workers, so the event lands on the
 * run (created if the SDK has not sent it yet) with the canonical payload, in time order with the SDK's own events.
 */
@Singleton
public class RunEvents {

    private final GroupCommitter committer;
    private final JsonMapper json;

    RunEvents(GroupCommitter committer, JsonMapper json) {
        this.committer = committer;
        this.json = json;
    }

    /**
     * Queues one event; completes when it is committed to the durable queue (a worker then writes it to the run).
     * Throws 503 {@code unavailable} at once when the server is saturated. {@code apiKeyId}: the key that caused it, or null.
     */
    public CompletableFuture<Void> record(UUID org, UUID apiKeyId, UUID agentId, String runId, String eventId, String eventType,
                                          Instant at, Map<String, Object> payload) {
        return queue(org, apiKeyId, agentId, runId, eventId, eventType, at, payload, false);
    }

    /**
     * Like {@link #record}, for a caller that waits for the commit before it answers (a policy check is recorded before
     * its decision leaves): its batch is committed without the group commit's window.
     */
    public CompletableFuture<Void> recordNow(UUID org, UUID apiKeyId, UUID agentId, String runId, String eventId, String eventType,
                                             Instant at, Map<String, Object> payload) {
        return queue(org, apiKeyId, agentId, runId, eventId, eventType, at, payload, true);
    }

    private CompletableFuture<Void> queue(UUID org, UUID apiKeyId, UUID agentId, String runId, String eventId, String eventType,
                                          Instant at, Map<String, Object> payload, boolean expedited) {
        IngestRunRequest.Event event = new IngestRunRequest.Event(eventId, eventType, at.toString(),
            null, payload, null, null, null, null);
        IngestRunRequest piece = new IngestRunRequest(runId, agentId.toString(), null, null, null, null, null, null, null, null,
            null, null, null, null, List.of(event));
        IngestValidation.check(piece);
        return committer.submit(IngestQueue.Pending.of(json, org, apiKeyId, agentId, piece), expedited);
    }
}
