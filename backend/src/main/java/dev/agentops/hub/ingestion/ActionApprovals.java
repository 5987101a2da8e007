package dev.agentops.hub.ingestion;

import dev.agentops.hub.runs.EventPayloads;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seam for the approvals feature: an {@code external_action} event whose payload names an {@code approval_id}
 * uses that approval up, and the piece is refused (409, nothing queued) when it may not. Called before the piece is
 * queued, on a blocking thread, only for pieces that name an approval. The approvals feature implements it.
 */
public interface ActionApprovals {

    /** One external action of a piece that names an approval; {@code payload} in its canonical shape. */
    record NamedApproval(String eventId, String approvalId, Map<?, ?> payload, String timestamp) {
    }

    /** Checks every named approval and uses them up together, or throws a 409 and uses none. */
    void consume(UUID organizationId, UUID apiKeyId, UUID agentId, String runId, List<NamedApproval> actions);

    /** The external actions of the piece that name an approval (usually none: then ingest stays non-blocking). */
    static List<NamedApproval> named(IngestRunRequest run) {
        return run.eventsOrEmpty().stream()
            .filter(e -> "external_action".equals(e.eventType()))
            .<NamedApproval>mapMulti((e, named) -> {
                Object payload = EventPayloads.canonical(e.eventType(), e.payload());
                if (payload instanceof Map<?, ?> p && p.get("approval_id") != null) {
                    named.accept(new NamedApproval(e.eventId(), String.valueOf(p.get("approval_id")), p, e.timestamp()));
                }
            })
            .toList();
    }
}
