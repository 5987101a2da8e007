package dev.agentops.hub.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

import java.util.Optional;

/** The kind of an event of a run; docs/api.md gives the payload shape of each. */
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

    /** The snake_case name on the wire and in the database ({@code tool_call}). */
    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<EventType> fromWire(String name) {
        return WireNames.parse(EventType.class, name);
    }
}
