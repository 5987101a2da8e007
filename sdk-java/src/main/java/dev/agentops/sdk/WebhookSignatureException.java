package dev.agentops.sdk;

import dev.agentops.sdk.core.AgentOpsException;
import java.util.Locale;

/** A webhook delivery that must not be trusted; {@link #reason()} says why (answer it with a 4xx, do not act on it). */
public class WebhookSignatureException extends AgentOpsException {

    /** Why a delivery was refused; {@link #wire()} is the spelling shared with the TypeScript SDK. */
    public enum Reason {
        MISSING_HEADER, MALFORMED_HEADER, NO_SIGNATURE, TIMESTAMP_OUTSIDE_TOLERANCE, SIGNATURE_MISMATCH, INVALID_PAYLOAD;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public WebhookSignatureException(Reason reason, String message) {
        super(message, 0, "webhook_signature_invalid", null, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
