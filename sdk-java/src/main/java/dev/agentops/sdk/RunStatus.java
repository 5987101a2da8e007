package dev.agentops.sdk;

import java.util.Locale;

/** The states of a run, the API's closed set; {@code RUNNING} is what {@link AgentOpsClient#startRun} sends. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling; {@link IllegalArgumentException} for anything else. */
    public static RunStatus fromWire(String value) {
        return Wire.parse(RunStatus.class, value);
    }

    /** True for the states that end a run. */
    public boolean isFinal() {
        return this != RUNNING;
    }
}
