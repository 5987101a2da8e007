package dev.agentops.sdk;

import java.util.Locale;

/**
 * The event types of a run, the API's closed set ({@code event_type}). {@code APPROVAL} is the type older SDKs sent
 * before {@code approval_requested}/{@code approval_decided}: the server still accepts it, so runs read back may have it.
 */
public enum EventType {
    LLM_CALL, TOOL_CALL, EXTERNAL_ACTION, POLICY_CHECK, APPROVAL_REQUESTED, APPROVAL_DECIDED, APPROVAL, LOG, ERROR, CUSTOM;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling; {@link IllegalArgumentException} for anything else. */
    public static EventType fromWire(String value) {
        return Wire.parse(EventType.class, value);
    }
}
