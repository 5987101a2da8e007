package dev.agentops.sdk.core;

/**
 * Base of every error the SDK raises (unchecked). Carries the HTTP status (0 when no response arrived), the API's
 * stable error {@code code} and the request id, which the message includes so a log line is enough to find the
 * request in the server's logs.
 */
public class AgentOpsException extends RuntimeException {

    private final int status;
    private final String code;
    private final String requestId;

    public AgentOpsException(String message, int status, String code, String requestId, Throwable cause) {
        super(describe(message, status, code, requestId), cause);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    private static String describe(String message, int status, String code, String requestId) {
        StringBuilder text = new StringBuilder(message == null ? "AgentOps request failed" : message);
        text.append(" (");
        text.append(status == 0 ? "no response" : "status " + status);
        if (code != null) {
            text.append(", code ").append(code);
        }
        if (requestId != null) {
            text.append(", request id ").append(requestId);
        }
        return text.append(')').toString();
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The API's stable error code ({@code validation_failed}, {@code rate_limited}...), or null. */
    public String code() {
        return code;
    }

    /** The server's request id ({@code X-Request-Id}), or null. */
    public String requestId() {
        return requestId;
    }
}
