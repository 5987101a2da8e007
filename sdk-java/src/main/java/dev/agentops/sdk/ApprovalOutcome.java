package dev.agentops.sdk;

import java.util.Locale;

/**
 * How {@link PolicyCheck#waitForApproval} ended: decided ({@link #APPROVED}, {@link #REJECTED}), {@link #EXPIRED} (nobody
 * decided within the policy's {@code timeout_minutes}), or {@link #TIMEOUT} (still pending when the wait's own timeout
 * had passed: wait again or give up).
 */
public enum ApprovalOutcome {
    APPROVED, REJECTED, EXPIRED, TIMEOUT;

    /** The spelling both SDKs use ({@code approved}, ..., {@code timeout}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for that spelling; {@link IllegalArgumentException} for anything else. */
    public static ApprovalOutcome fromWire(String value) {
        return Wire.parse(ApprovalOutcome.class, value);
    }
}
