package dev.agentops.sdk.core;

/** 403 forbidden: the key or role may not do this. */
public class PermissionException extends AgentOpsException {

    public PermissionException(String message, int status, String code, String requestId) {
        super(message, status, code, requestId, null);
    }
}
