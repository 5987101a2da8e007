package dev.agentops.sdk.core;

/** 409 {@code conflict} or {@code duplicate}. Never retried. */
public class ConflictException extends AgentOpsException {

    public ConflictException(String message, int status, String code, String requestId) {
        super(message, status, code, requestId, null);
    }
}
