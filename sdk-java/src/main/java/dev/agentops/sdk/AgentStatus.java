package dev.agentops.sdk;

import java.util.Locale;

/** The states of an agent, the API's closed set ({@code agent_status}). */
public enum AgentStatus {
    ACTIVE, PAUSED, ERROR, ARCHIVED;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling; {@link IllegalArgumentException} for anything else. */
    public static AgentStatus fromWire(String value) {
        return Wire.parse(AgentStatus.class, value);
    }
}
