package dev.agentops.hub.dashboards;

import dev.agentops.hub.runs.RunStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import dev.agentops.hub.shared.web.WireNames;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Controller("/api/v1/dashboard")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Dashboards")
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @Operation(operationId = "getHomeDashboard")
    @Get("/home")
    @RequiresPermission(Permission.RUNS_READ)
    DataResponse<DashboardResponses.Home> home(Authentication authentication, @Nullable @QueryValue Instant from,
                                               @Nullable @QueryValue Instant to, @Nullable @QueryValue("agent_id") UUID agentId,
                                               @Nullable @QueryValue @Parameter(schema = @Schema(implementation = RunStatus.class)) String status) {
        if (status != null) {
            WireNames.require(RunStatus.class, "status", status);
        }
        return DataResponse.of(dashboards.home(Actor.from(authentication), from, to, agentId, status));
    }

    @Operation(operationId = "getAgentDashboard")
    @Get("/agent/{id}")
    @RequiresPermission(Permission.RUNS_READ)
    DataResponse<DashboardResponses.AgentTrends> agent(Authentication authentication, @PathVariable UUID id,
                                                       @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to) {
        return DataResponse.of(dashboards.agent(Actor.from(authentication), id, from, to));
    }
}
