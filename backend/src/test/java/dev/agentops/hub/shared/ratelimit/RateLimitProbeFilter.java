package dev.agentops.hub.shared.ratelimit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Test-only: a limit checked in a filter, as the API-key authentication will do it. */
@Requires(env = "test")
@ServerFilter("/api/test-rate-limit/filtered/**")
class RateLimitProbeFilter {

    private final RateLimiter limiter;

    RateLimitProbeFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** A Redis round trip blocks: never on the event loop. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void limit(HttpRequest<?> request) {
        String path = request.getPath();
        limiter.check(RateLimitProbeController.PROBE, path.substring(path.lastIndexOf('/') + 1));
    }
}
