package dev.agentops.hub.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where text input is checked for what PostgreSQL cannot store ({@link StoredText}): query parameters,
 * the path and JSON bodies of every API request, before security, binding and controllers. A refusal is
 * {@code 400 validation_failed} naming the field, instead of the 500 (or the queued job that can never be stored)
 * that the database's refusal would otherwise cause.
 */
final class StoredTextFilters {

    private StoredTextFilters() {
    }

    static HttpResponse<?> refuse(HttpRequest<?> request, FieldProblem problem) {
        return ErrorEnvelopes.response(request, HttpStatus.BAD_REQUEST, "validation_failed",
            "The request is invalid (" + problem.field() + ": " + problem.problem() + ").", Map.of("fields", List.of(problem)));
    }

    static int order() {
        return ServerFilterPhase.FIRST.after();
    }

    /** Query parameters (names and values) and the decoded path of every API request. */
    @ServerFilter("/api/**")
    static class Query implements Ordered {

        @RequestFilter
        @Nullable
        public HttpResponse<?> check(HttpRequest<?> request) {
            String pathProblem = StoredText.problemOf(request.getPath());
            if (pathProblem != null) {
                return refuse(request, new FieldProblem("path", pathProblem));
            }
            for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
                String name = parameter.getKey();
                String problem = StoredText.problemOf(name);
                for (int i = 0; problem == null && i < parameter.getValue().size(); i++) {
                    problem = StoredText.problemOf(parameter.getValue().get(i));
                }
                if (problem != null) {
                    return refuse(request, new FieldProblem(StoredText.problemOf(name) == null ? name : "query", problem));
                }
            }
            return null;
        }

        @Override
        public int getOrder() {
            return order();
        }
    }

    /** JSON bodies: waits for the body (which the JSON binding reads anyway) and checks it in one streaming pass. */
    @ServerFilter(value = "/api/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
    static class JsonBody implements Ordered {

        @RequestFilter
        @Nullable
        public HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
            Optional<MediaType> type = request.getContentType();
            if (body == null || body.length == 0 || type.isPresent() && !type.get().getExtension().equals("json")
                && !type.get().getSubtype().endsWith("json")) {
                return null;
            }
            return StoredText.problemInJson(body).map(problem -> refuse(request, problem)).orElse(null);
        }

        @Override
        public int getOrder() {
            return order() + 1;
        }
    }
}
