package dev.agentops.hub.otel;

import dev.agentops.hub.ingestion.IngestRunRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trace of an export, mapped: the run's own fields (set when the batch holds its root span) and its events,
 * waiting for the agent to be resolved. {@code spans} counts the spans it stands for (for partial success).
 */
record TraceDraft(String traceId, AgentNaming agent, String status, String error, String startTime, String endTime,
                  String model, Map<String, Object> metadata, List<IngestRunRequest.Event> events, int spans) {

    /** The pieces to queue: the run and its first events, then the rest in pieces of at most 1000 events. */
    List<IngestRunRequest> pieces(String agentId) {
        List<IngestRunRequest> pieces = new ArrayList<>();
        int size = IngestRunRequest.MAX_EVENTS;
        for (int from = 0; from == 0 || from < events.size(); from += size) {
            List<IngestRunRequest.Event> chunk = events.subList(from, Math.min(events.size(), from + size));
            pieces.add(from == 0
                ? new IngestRunRequest(traceId, agentId, status, null, null, error, startTime, endTime, model, null, null,
                    null, metadata, null, List.copyOf(chunk))
                : new IngestRunRequest(traceId, agentId, null, null, null, null, null, null, null, null, null, null, null,
                    null, List.copyOf(chunk)));
        }
        return pieces;
    }
}
