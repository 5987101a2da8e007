package dev.agentops.hub.shared.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/** Builds error responses with the envelope of docs/api.md. */
public final class ErrorEnvelopes {

    private ErrorEnvelopes() {
    }

    /** Seconds a client should wait before retrying a {@code 503} (the database or the queue was unreachable). */
    public static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

    /** Every {@code 503} carries {@code Retry-After}: the SDKs wait that long before their next attempt. */
    public static MutableHttpResponse<ApiError> response(HttpRequest<?> request, HttpStatus status, String code,
                                                         String message, Map<String, Object> details) {
        MutableHttpResponse<ApiError> response = HttpResponse.<ApiError>status(status)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(new ApiError(message, code, details == null ? Map.of() : details,
                request == null ? null : RequestIds.of(request)));
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_UNAVAILABLE_SECONDS));
        }
        return response;
    }

    /** The stable code a status maps to when nothing more specific is known. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "validation_failed";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }
}
