package dev.agentops.sdk.core;

/** No response: connection refused, reset, timed out. Retried automatically. */
public class ConnectionException extends AgentOpsException {

    public ConnectionException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }
}
