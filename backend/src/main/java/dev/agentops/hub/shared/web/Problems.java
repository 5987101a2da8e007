package dev.agentops.hub.shared.web;

import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** Factory of the typed problems services throw; controllers never catch them. */
public final class Problems {

    private Problems() {
    }

    public static ApiException notFound(String entity, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", "No " + entity + " with id " + id + ".", Map.of());
    }

    public static ApiException validation(String field, String problem) {
        return validation(List.of(new FieldProblem(field, problem)));
    }

    public static ApiException validation(List<FieldProblem> problems) {
        String summary = problems.size() == 1
            ? problems.get(0).field() + ": " + problems.get(0).problem()
            : problems.size() + " fields are invalid";
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed",
            "The request is invalid (" + summary + ").", Map.of("fields", problems));
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message, Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message, Map.of());
    }

    public static ApiException unauthenticated(String code, String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, message, Map.of());
    }
}
