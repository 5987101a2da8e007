package dev.agentops.hub.shared.web;

import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a response, its log lines and its audit rows together. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "agentops.request-id";
    public static final String MDC_KEY = "request_id";
    /** Incoming ids are kept only when short and plain, so they cannot forge log lines or carry payloads. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {
    }

    static String acceptOrCreate(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }
}
