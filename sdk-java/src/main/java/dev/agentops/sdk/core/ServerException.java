package dev.agentops.sdk.core;

/** 5xx: the server failed; retried automatically. */
public class ServerException extends AgentOpsException {

    public ServerException(String message, int status, String code, String requestId) {
        super(message, status, code, requestId, null);
    }
}
