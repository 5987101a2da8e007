package dev.agentops.hub.shared.ratelimit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/** Test-only endpoints limited the way controllers and filters will be. */
@Requires(env = "test")
@Controller("/api/test-rate-limit")
@Secured(SecurityRule.IS_ANONYMOUS)
class RateLimitProbeController {

    static final RateLimit PROBE = new RateLimit("test_http", 3, RateLimitFixture.NO_REFILL);
    static final RateLimit ROOMY = new RateLimit("test_http_roomy", 100, RateLimitFixture.NO_REFILL);

    private final RateLimiter limiter;

    RateLimitProbeController(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Get("/{subject}")
    Map<String, Object> limited(String subject) {
        limiter.check(PROBE, subject);
        return Map.of("data", "ok");
    }

    /** Limited by {@link RateLimitProbeFilter}. */
    @Get("/filtered/{subject}")
    Map<String, Object> limitedByTheFilter(String subject) {
        return Map.of("data", "ok");
    }

    /** Two limits on one request: the headers must report the one closer to refusing. */
    @Get("/two/{subject}")
    Map<String, Object> limitedTwice(String subject) {
        limiter.check(PROBE, subject);
        limiter.check(ROOMY, subject);
        return Map.of("data", "ok");
    }
}
