package dev.agentops.hub.shared.ratelimit;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.Optional;

/** The {@code RateLimit-*} headers of docs/api.md, and the request attribute that carries a decision to them. */
public final class RateLimitHeaders {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;
    /** An allowed decision stored here is written on the response by {@link RateLimitHeadersFilter}. */
    public static final String ATTRIBUTE = "agentops.rate-limit";

    private RateLimitHeaders() {
    }

    public static <T> MutableHttpResponse<T> apply(MutableHttpResponse<T> response, RateLimitDecision decision) {
        response.header(LIMIT, Integer.toString(decision.limit()));
        response.header(REMAINING, Integer.toString(decision.remaining()));
        response.header(RESET, Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.header(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
        return response;
    }

    /**
     * For filters that call {@link RateLimiter#consume} themselves. When one request passes several limits (API
     * key, then organization), the headers report the one with the fewest tokens left: the one the client meets first.
     */
    public static void attach(HttpRequest<?> request, RateLimitDecision decision) {
        Optional<RateLimitDecision> current = attached(request);
        if (current.isEmpty() || decision.remaining() < current.get().remaining()) {
            request.setAttribute(ATTRIBUTE, decision);
        }
    }

    public static Optional<RateLimitDecision> attached(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, RateLimitDecision.class);
    }
}
