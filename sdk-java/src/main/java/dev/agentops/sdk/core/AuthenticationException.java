package dev.agentops.sdk.core;

/** 401 unauthenticated, invalid or expired credentials. */
public class AuthenticationException extends AgentOpsException {

    public AuthenticationException(String message, int status, String code, String requestId) {
        super(message, status, code, requestId, null);
    }
}
