package dev.agentops.sdk.core;

/**
 * The server's idempotency check: 409 {@code idempotency_in_progress} (the first request with this
 * {@code Idempotency-Key} is still running; retried with backoff) or 422 {@code idempotency_key_reused} (the key came
 * with a different body; never retried).
 */
public class IdempotencyException extends AgentOpsException {

    public IdempotencyException(String message, int status, String code, String requestId) {
        super(message, status, code, requestId, null);
    }
}
