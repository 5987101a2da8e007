package dev.agentops.hub.shared.web;

import com.google.common.base.Throwables;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.security.token.jwt.validator.JsonWebTokenSignatureValidator;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
        Throwable cause = context.getRootCause().orElse(null);
        String tooLong = status == 413 ? tooLongPart(decoderFailure(context.getRequest())) : null;
        if (status == 413 && tooLong != null) {
            // Netty refuses an oversized request line or header block before any filter runs, and reports both as 413
            status = tooLong.equals("line") ? 414 : 431;
            base.status(status);
        }
        String code = ErrorEnvelopes.codeFor(status);
        Map<String, Object> details = new LinkedHashMap<>();
        String message;
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
                case 414 -> "The request URI is too long.";
                case 431 -> "The request headers are too large.";
                case 415 -> "Unsupported content type: send application/json.";
                default -> context.getErrors().stream().findFirst().map(Error::getMessage).orElse("The request failed.");
            };
        }
        String requestId = RequestIds.of(context.getRequest());
        if (requestId == null) {
            // rejected before RequestIdFilter ran (e.g. by the HTTP decoder): still give the client an id to quote
            requestId = RequestIds.acceptOrCreate(null);
            base.header(RequestIds.HEADER, requestId);
        }
        MutableHttpResponse<ApiError> response = base.contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(new ApiError(message, code, details, requestId));
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            response.body(null);
        }
        return response;
    }

    private final JsonWebTokenSignatureValidator<SignedJWT> signatures;

    EnvelopeErrorResponseProcessor(JsonWebTokenSignatureValidator<SignedJWT> signatures) {
        this.signatures = signatures;
    }

    /**
     * Tells an expired session apart from a bad credential so clients know to refresh. Only a token this server
     * signed counts (Micronaut's validator, with the signature configuration that signs access tokens): a forged or
     * foreign token is {@code unauthenticated}, whatever its claims say.
     */
    boolean presentsExpiredJwt(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ey")) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7).trim());
            Date expiry = jwt.getJWTClaimsSet().getExpirationTime();
            return expiry != null && expiry.toInstant().isBefore(Instant.now()) && signatures.validateSignature(jwt);
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    /** Why Netty's HTTP decoder refused the request, if it did (Micronaut answers those without an exception). */
    private static Throwable decoderFailure(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()) {
            return netty.getNativeRequest().decoderResult().cause();
        }
        return null;
    }

    /** "line" or "headers" when Netty's decoder refused the request for its size, else null. */
    private static String tooLongPart(Throwable cause) {
        return cause == null ? null : Throwables.getCausalChain(cause).stream().map(t -> switch (t.getClass().getSimpleName()) {
            case "TooLongHttpLineException" -> "line";
            case "TooLongHttpHeaderException" -> "headers";
            default -> null;
        }).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean isMalformedJson(Throwable cause) {
        return cause != null && Throwables.getCausalChain(cause).stream().map(t -> t.getClass().getName())
            .anyMatch(name -> name.endsWith("JsonSyntaxException") || name.endsWith("JsonParseException")
                || name.endsWith("JsonEOFException") || name.endsWith("MismatchedInputException"));
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
