package dev.agentops.hub.shared.ratelimit;

import dev.agentops.hub.shared.web.ApiException;
import io.micronaut.http.HttpStatus;

import java.util.Map;

/** {@code 429 rate_limited}; carries the decision so the response gets {@code Retry-After} and {@code RateLimit-*}. */
public class RateLimitedException extends ApiException {

    private final transient RateLimitDecision decision;

    public RateLimitedException(RateLimitDecision decision) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message(decision.retryAfterSeconds()),
            Map.of("retry_after_seconds", decision.retryAfterSeconds(), "limit", decision.limit()));
        this.decision = decision;
    }

    public RateLimitDecision decision() {
        return decision;
    }

    private static String message(long seconds) {
        return "Too many requests: retry in " + seconds + (seconds == 1 ? " second." : " seconds.");
    }
}
