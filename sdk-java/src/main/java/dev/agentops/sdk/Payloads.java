package dev.agentops.sdk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the ingest wire shapes (run fields and event envelopes) of {@link AgentOpsClient}'s record calls. */
final class Payloads {

    /** Milliseconds, always three digits, UTC: what JavaScript's {@code Date.toISOString()} writes. */
    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Supplier<String> ids;

    Payloads(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    String newId() {
        return ids.get();
    }

    Map<String, Object> started(StartRun start) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", RunStatus.RUNNING.wire());
        fields.put("start_time", now());
        putIfNotNull(fields, "input", asObject(start.input()));
        putIfNotNull(fields, "tags", start.tags());
        putIfNotNull(fields, "metadata", start.metadata());
        return fields;
    }

    Map<String, Object> ended(RunStatus status, Object output, String error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status.wire());
        fields.put("end_time", now());
        putIfNotNull(fields, "output", asObject(output));
        putIfNotNull(fields, "error", error);
        return fields;
    }

    Map<String, Object> llmCall(LlmCall call) {
        Map<String, Object> payload = new LinkedHashMap<>();
        putIfNotNull(payload, "provider", call.provider());
        putIfNotNull(payload, "request", call.request());
        putIfNotNull(payload, "response", call.response());
        Map<String, Object> event = event(EventType.LLM_CALL, call.durationMs(), payload.isEmpty() ? null : payload);
        putIfNotNull(event, "model", call.model());
        if (call.usage() != null) {
            event.put("token_usage", call.usage().toMap());
            event.put("usage_format", UsageFormat.AGENTOPS.wire());
        } else if (call.providerUsage() != null) {
            event.put("token_usage", call.providerUsage());
            putIfNotNull(event, "usage_format", call.usageFormat() == null ? null : call.usageFormat().wire());
        }
        putIfNotNull(event, "cost_usd", call.costUsd());
        return event;
    }

    Map<String, Object> toolCall(ToolCall call) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tool_name", call.toolName());
        putIfNotNull(payload, "input", call.input());
        putIfNotNull(payload, "output", call.output());
        putIfNotNull(payload, "error", call.error());
        return event(EventType.TOOL_CALL, call.durationMs(), payload);
    }

    Map<String, Object> externalAction(ExternalAction action, String approvalId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action_type", action.actionType());
        putIfNotNull(payload, "target", action.target());
        putIfNotNull(payload, "payload", action.payload());
        putIfNotNull(payload, "approval_id", approvalId);
        Map<String, Object> event = event(EventType.EXTERNAL_ACTION, action.durationMs(), payload);
        putIfNotNull(event, "cost_usd", action.costUsd());
        return event;
    }

    Map<String, Object> error(String message, Map<String, ?> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("message", message == null ? "error" : message);
        if (details != null) {
            payload.putAll(details);
        }
        return event(EventType.ERROR, null, payload);
    }

    /** The envelope, minus what the caller adds; the timestamp is when the event began: now minus its duration. */
    private Map<String, Object> event(EventType type, Long durationMs, Map<String, Object> payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", ids.get());
        event.put("event_type", type.wire());
        Instant at = clock.instant();
        event.put("timestamp", TIMESTAMP.format(durationMs == null ? at : at.minusMillis(durationMs)));
        putIfNotNull(event, "duration_ms", durationMs);
        putIfNotNull(event, "payload", payload);
        return event;
    }

    private String now() {
        return TIMESTAMP.format(clock.instant());
    }

    /** Run input and output are JSON objects: anything else is sent as {@code {"value": ...}}, as the TypeScript SDK does. */
    private static Object asObject(Object value) {
        if (value == null || value instanceof Map<?, ?>) {
            return value;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", value);
        return wrapped;
    }

    static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
