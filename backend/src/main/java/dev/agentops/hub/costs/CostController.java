package dev.agentops.hub.costs;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Controller("/api/v1/costs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Costs")
class CostController {

    private final CostService costs;
    private final CostExport exports;

    CostController(CostService costs, CostExport exports) {
        this.costs = costs;
        this.exports = exports;
    }

    @Get(value = "/export.csv", produces = "text/csv")
    @RequiresPermission(Permission.RUNS_READ)
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, UTF-8, streamed",
        content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    HttpResponse<StreamedFile> exportCosts(Authentication authentication, @Nullable @QueryValue Instant from,
                                      @Nullable @QueryValue Instant to,
                                      @Nullable @QueryValue("group_by") @Schema(allowableValues = {"run", "day", "agent", "team", "model"}) String groupBy) {
        CostExport.GroupBy grouping = CostExport.groupBy(groupBy);
        CostExport.Export export = exports.start(Actor.from(authentication).organizationId(), from, to, grouping);
        MediaType csv = new MediaType("text/csv; charset=utf-8");
        return HttpResponse.ok(new StreamedFile(export.body(), csv))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
            .contentType(csv);
    }

    @Get("/summary")
    @RequiresPermission(Permission.RUNS_READ)
    DataResponse<CostResponses.Summary> costSummary(Authentication authentication, @Nullable @QueryValue Instant from,
                                                @Nullable @QueryValue Instant to) {
        return DataResponse.of(costs.summary(Actor.from(authentication), from, to));
    }

    @Get("/by-agent/{id}")
    @RequiresPermission(Permission.RUNS_READ)
    DataResponse<CostResponses.ForAgent> agentCosts(Authentication authentication, @PathVariable UUID id,
                                               @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to) {
        return DataResponse.of(costs.agent(Actor.from(authentication), id, from, to));
    }

    @Get("/by-team/{name}")
    @RequiresPermission(Permission.RUNS_READ)
    DataResponse<CostResponses.ForTeam> teamCosts(Authentication authentication, @PathVariable String name,
                                             @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to) {
        if (name.isBlank() || name.length() > 100) {
            throw Problems.validation("name", "must be 1 to 100 characters");
        }
        return DataResponse.of(costs.team(Actor.from(authentication), name, from, to));
    }
}
