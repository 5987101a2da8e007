package dev.agentops.sdk.core;

/** 404 not_found (also another organization's object). */
public class NotFoundException extends AgentOpsException {

    public NotFoundException(String message, int status, String code, String requestId) {
        super(message, status, code, requestId, null);
    }
}
