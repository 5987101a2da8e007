package dev.agentops.hub.shared.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders every error that Micronaut's own handlers produce (malformed JSON, bean validation, unknown routes,
 * body too large, security rejections, unexpected exceptions) as the docs/api.md envelope. Server errors never carry
 * the exception's text: it may hold SQL, class names or another tenant's data.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    static final String INTERNAL_MESSAGE = "Something went wrong on our side. Quote the request id if you report it.";

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        int status = base.code();
        String code = ErrorEnvelopes.codeFor(status);
        Map<String, Object> details = new LinkedHashMap<>();
        String message;
        Throwable cause = context.getRootCause().orElse(null);
        if (status >= 500) {
            message = status == 503 ? "The service is temporarily unavailable. Try again shortly." : INTERNAL_MESSAGE;
        } else if (status == 400 && isMalformedJson(cause)) {
            code = "invalid_json";
            message = "The request body is not valid JSON.";
        } else if (status == 400) {
            List<FieldProblem> fields = fieldProblems(context.getErrors());
            details.put("fields", fields);
            message = fields.size() == 1
                ? "The request is invalid (" + fields.get(0).field() + ": " + fields.get(0).problem() + ")."
                : "The request is invalid (" + fields.size() + " problems).";
        } else if (status == 401 && presentsExpiredJwt(context.getRequest())) {
            code = "token_expired";
            message = "The access token has expired: get a new one with POST /api/v1/auth/refresh-token.";
        } else {
            message = switch (status) {
                case 401 -> "Authentication is required: send a valid access token or API key.";
                case 403 -> "Your role does not allow this action.";
                case 404 -> "No resource at " + context.getRequest().getPath() + ".";
                case 405 -> "Method " + context.getRequest().getMethodName() + " is not allowed here.";
                case 413 -> "The request body is too large.";
                case 415 -> "Unsupported content type: send application/json.";
                default -> context.getErrors().stream().findFirst().map(Error::getMessage).orElse("The request failed.");
            };
        }
        MutableHttpResponse<ApiError> response = base.contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(new ApiError(message, code, details, RequestIds.of(context.getRequest())));
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            response.body(null);
        }
        return response;
    }

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})");

    /**
     * Tells an expired session apart from a bad credential so clients know to refresh. Reading the claim without
     * verifying the signature is fine here: it only picks the error code of a request that is refused anyway.
     */
    static boolean presentsExpiredJwt(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ey")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            var matcher = EXP.matcher(payload);
            return matcher.find() && Long.parseLong(matcher.group(1)) < Instant.now().getEpochSecond();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isMalformedJson(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("JsonSyntaxException") || name.endsWith("JsonParseException")
                || name.endsWith("JsonEOFException") || name.endsWith("MismatchedInputException")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[\\w.<>?, ]+ )?(\\w+)\\]");
    private static final Pattern ARGUMENT = Pattern.compile("argument \\[(\\w+)\\]");

    /**
     * Micronaut's own 400s (conversion and binding errors) describe Java types and classes; clients get the field
     * name they sent and a plain problem instead.
     */
    private static List<FieldProblem> fieldProblems(List<Error> errors) {
        List<FieldProblem> fields = new ArrayList<>();
        for (Error error : errors) {
            String message = error.getMessage() == null ? "" : error.getMessage();
            var property = PROPERTY.matcher(message);
            var argument = ARGUMENT.matcher(message);
            String field = property.find() ? property.group(1)
                : error.getPath().map(p -> p.substring(p.lastIndexOf('.') + 1)).orElse(argument.find() ? argument.group(1) : "request");
            boolean internal = message.contains("class ") || message.contains("java.") || message.contains("dev.agentops")
                || message.contains("Failed to convert") || message.contains("Error decoding");
            fields.add(new FieldProblem(toSnakeCase(field), internal ? "has the wrong type or format" : message));
        }
        if (fields.isEmpty()) {
            fields.add(new FieldProblem("request", "is not valid"));
        }
        return fields;
    }

    static String toSnakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
