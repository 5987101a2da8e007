package dev.agentops.sdk;

import java.util.Locale;

/** Final states of a run ({@code running} is implied by {@link AgentOpsClient#startRun}). */
public enum RunStatus {
    COMPLETED, FAILED, CANCELLED;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
