package dev.agentops.hub.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import dev.agentops.hub.shared.web.WireNames;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Runs")
class RunController {

    private final RunRepository runs;
    private final TenantTransactions tenants;

    RunController(RunRepository runs, TenantTransactions tenants) {
        this.runs = runs;
        this.tenants = tenants;
    }

    @Operation(operationId = "listRuns")
    @Get("/runs")
    @RequiresPermission(Permission.RUNS_READ)
    ListResponse<RunResponse> list(Authentication authentication,
                                   @Nullable @QueryValue("agent_id") UUID agentId,
                                   @Nullable @QueryValue @Parameter(schema = @Schema(implementation = RunStatus.class)) String status,
                                   @Nullable @QueryValue Instant from,
                                   @Nullable @QueryValue Instant to,
                                   @Nullable @QueryValue String q,
                                   @Nullable @QueryValue("min_cost") BigDecimal minCost,
                                   @Nullable @QueryValue String model,
                                   @Nullable @QueryValue String tag,
                                   @Nullable @QueryValue("external_reference") String externalReference,
                                   @Nullable @QueryValue Integer limit,
                                   @Nullable @QueryValue String cursor) {
        if (status != null) {
            WireNames.require(RunStatus.class, "status", status);
        }
        if (q != null && q.length() > 200) {
            throw Problems.validation("q", "must be at most 200 characters");
        }
        int pageSize = Paging.limit(limit);
        Paging.TimeAndId before = Paging.decodeTimeAndId(cursor);
        var filter = new RunRepository.RunFilter(agentId, status, from, to, minCost, model, tag, externalReference,
            q == null || q.isBlank() ? null : q.trim());
        UUID org = Actor.from(authentication).organizationId();
        var rows = tenants.read(org, () -> runs.search(org, filter, before == null ? null : before.at(),
            before == null ? null : before.id(), pageSize + 1)).stream().map(RunResponse::of).toList();
        return Paging.page(rows, pageSize, row -> new Paging.TimeAndId(row.startTime(), row.id()).key());
    }

    @Operation(operationId = "getRun")
    @Get("/runs/{id}")
    @RequiresPermission(Permission.RUNS_READ)
    DataResponse<RunDetailResponse> get(Authentication authentication, @PathVariable UUID id) {
        UUID org = Actor.from(authentication).organizationId();
        return DataResponse.of(tenants.read(org, () -> {
            Run run = runs.find(org, id).orElseThrow(() -> Problems.notFound("run", id));
            return new RunDetailResponse(RunResponse.of(run), runs.events(org, id).stream().map(EventResponse::of).toList());
        }));
    }

    @Operation(operationId = "listRunEvents")
    @Get("/events/{runId}")
    @RequiresPermission(Permission.RUNS_READ)
    ListResponse<EventResponse> events(Authentication authentication, @PathVariable UUID runId) {
        UUID org = Actor.from(authentication).organizationId();
        var events = tenants.read(org, () -> {
            runs.find(org, runId).orElseThrow(() -> Problems.notFound("run", runId));
            return runs.events(org, runId).stream().map(EventResponse::of).toList();
        });
        return new ListResponse<>(events, new ListResponse.PageInfo(null, events.size()));
    }
}
