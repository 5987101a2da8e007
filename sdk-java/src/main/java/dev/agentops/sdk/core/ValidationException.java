package dev.agentops.sdk.core;

import java.util.List;

/** 400 or 422: the request was refused as invalid; {@link #fields()} names the problems. Never retried. */
public class ValidationException extends AgentOpsException {

    /** One problem: {@code field} and what is wrong with it. */
    public record FieldProblem(String field, String problem) {
    }

    private final List<FieldProblem> fields;

    public ValidationException(String message, int status, String code, String requestId, List<FieldProblem> fields) {
        super(message, status, code, requestId, null);
        this.fields = List.copyOf(fields);
    }

    /** The API's {@code details.fields}; empty when it sent none. */
    public List<FieldProblem> fields() {
        return fields;
    }
}
