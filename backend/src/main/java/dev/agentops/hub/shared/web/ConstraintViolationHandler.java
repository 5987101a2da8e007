package dev.agentops.hub.shared.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Bean validation failures become {@code 400 validation_failed} with one {@code details.fields} entry per problem,
 * named as the client sent it ({@code retry_count}, {@code events[3].event_id}), not as Java calls it.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldProblem> fields = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            fields.add(new FieldProblem(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        fields.sort(Comparator.comparing(FieldProblem::field));
        ApiException problem = Problems.validation(fields);
        return ErrorEnvelopes.response(request, HttpStatus.BAD_REQUEST, problem.code(), problem.getMessage(), problem.details());
    }

    /** Drops the method and parameter nodes of a path such as {@code echo.request.retryCount}. */
    static String fieldName(Path path) {
        StringJoiner name = new StringJoiner(".");
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String segment = EnvelopeErrorResponseProcessor.toSnakeCase(node.getName() == null ? "" : node.getName());
            if (node.getIndex() != null) {
                segment = segment + "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                segment = segment + "[" + node.getKey() + "]";
            }
            if (!segment.isEmpty()) {
                name.add(segment);
            }
        }
        return name.length() == 0 ? "request" : name.toString();
    }

}
