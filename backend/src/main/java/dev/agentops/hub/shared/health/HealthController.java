package dev.agentops.hub.shared.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** For load balancers and uptime checks: 200 when every dependency answers, 503 otherwise. */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Health")
class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private final List<HealthCheck> checks;

    HealthController(List<HealthCheck> checks) {
        this.checks = checks;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "getHealth", summary = "Reachability of the database (and Redis when configured)")
    HttpResponse<HealthResponse> health() {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            long started = System.nanoTime();
            String status = "up";
            try {
                check.probe();
            } catch (Exception e) {
                status = "down";
                up = false;
                LOG.warn("Health check {} failed: {}", check.name(), e.getClass().getSimpleName());
            }
            results.put(check.name(), new CheckResult(status, (System.nanoTime() - started) / 1_000_000));
        }
        var body = new HealthResponse(up ? "up" : "down", results);
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Serdeable
    @Schema(name = "HealthResponse")
    record HealthResponse(String status, Map<String, CheckResult> checks) {
    }

    @Serdeable
    @Schema(name = "HealthCheckResult")
    record CheckResult(String status, long latencyMs) {
    }
}
