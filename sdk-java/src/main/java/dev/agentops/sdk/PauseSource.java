package dev.agentops.sdk;

import java.util.Locale;

/** Who paused an agent, the API's closed set ({@code pause_source} of the agent status read). */
public enum PauseSource {
    PERSON, KILL_SWITCH, BUDGET, POLICY;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling, null for null; {@link IllegalArgumentException} for anything else. */
    public static PauseSource fromWire(String value) {
        return value == null ? null : Wire.parse(PauseSource.class, value);
    }
}
