package dev.agentops.hub.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kind of an event of a run; docs/api.md gives the payload shape of each. */
// The @JsonProperty names are what the API document lists; EventPayloadsTest checks that they equal wireName().
public enum EventType {
    @JsonProperty("llm_call") LLM_CALL,
    @JsonProperty("tool_call") TOOL_CALL,
    @JsonProperty("external_action") EXTERNAL_ACTION,
    @JsonProperty("policy_check") POLICY_CHECK,
    @JsonProperty("approval_requested") APPROVAL_REQUESTED,
    @JsonProperty("approval_decided") APPROVAL_DECIDED,
    // before approval_requested / approval_decided; still accepted from old SDKs
    @JsonProperty("approval") APPROVAL,
    @JsonProperty("log") LOG,
    @JsonProperty("error") ERROR,
    @JsonProperty("custom") CUSTOM;

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    /** The snake_case name on the wire and in the database ({@code tool_call}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromWire(String name) {
        return Optional.ofNullable(name == null ? null : BY_WIRE_NAME.get(name));
    }

    /** "llm_call, tool_call, ..." for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }
}
