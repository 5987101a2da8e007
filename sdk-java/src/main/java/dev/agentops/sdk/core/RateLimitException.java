package dev.agentops.sdk.core;

import java.time.Duration;

/** 429 rate_limited. Retried automatically after {@link #retryAfter()}. */
public class RateLimitException extends AgentOpsException {

    private final Duration retryAfter;

    public RateLimitException(String message, int status, String code, String requestId, Duration retryAfter) {
        super(message, status, code, requestId, null);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, or null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
