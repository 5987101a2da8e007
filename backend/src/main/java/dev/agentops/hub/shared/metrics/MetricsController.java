package dev.agentops.hub.shared.metrics;

import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.web.ErrorEnvelopes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * Prometheus scrape endpoint, for operators rather than API clients (not in the OpenAPI document). It exists only when
 * {@code AGENTOPS_METRICS_TOKEN} is set (otherwise {@code /metrics} is an unknown path: 404). The scraper sends
 * {@code Authorization: Bearer <token>}; anything else gets 401. The token is compared in constant time and is not
 * an API key or access token, so the security filters pass it through as anonymous.
 */
@Controller("/metrics")
@Requires(property = "agentops.metrics.token", pattern = ".*\\S.*")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class MetricsController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final String token;

    MetricsController(PrometheusMeterRegistry registry, @Value("${agentops.metrics.token}") String token) {
        this.registry = registry;
        this.token = token.trim();
    }

    // blocking pool: the backlog gauges read the database (at most every few seconds, see QueryGauges)
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> scrape(HttpRequest<?> request) {
        if (!Secrets.constantTimeEquals(token, presented(request))) {
            return ErrorEnvelopes.response(request, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Send the metrics token as 'Authorization: Bearer <AGENTOPS_METRICS_TOKEN>'.", Map.of());
        }
        return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
    }

    private static String presented(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "";
        }
        return authorization.substring(7).trim();
    }
}
