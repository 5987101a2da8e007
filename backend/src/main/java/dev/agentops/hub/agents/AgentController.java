package dev.agentops.hub.agents;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import dev.agentops.hub.shared.web.WireNames;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/agents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agents")
class AgentController {

    private final AgentService agents;

    AgentController(AgentService agents) {
        this.agents = agents;
    }

    @Operation(operationId = "createAgent")
    @Post
    @RequiresPermission(Permission.AGENTS_WRITE)
    HttpResponse<DataResponse<AgentResponse>> create(Authentication authentication, @Body @Valid AgentRequests.Create request) {
        AgentResponse created = agents.create(Actor.from(authentication), request);
        return HttpResponse.created(DataResponse.of(created), URI.create("/api/v1/agents/" + created.id()));
    }

    @Operation(operationId = "listAgents")
    @Get
    @RequiresPermission(Permission.AGENTS_READ)
    ListResponse<AgentResponse> list(Authentication authentication,
                                     @Nullable @QueryValue @Parameter(schema = @Schema(implementation = AgentStatus.class)) String status,
                                     @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        if (status != null) {
            WireNames.require(AgentStatus.class, "status", status);
        }
        int pageSize = Paging.limit(limit);
        Paging.TimeAndId before = Paging.decodeTimeAndId(cursor);
        var rows = agents.list(Actor.from(authentication), status, before == null ? null : before.at(),
            before == null ? null : before.id(), pageSize + 1);
        return Paging.page(rows, pageSize, row -> new Paging.TimeAndId(row.createdAt(), row.id()).key());
    }

    @Operation(operationId = "getAgent")
    @Get("/{id}")
    @RequiresPermission(Permission.AGENTS_READ)
    DataResponse<AgentResponse> get(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(agents.get(Actor.from(authentication), id));
    }

    @Operation(operationId = "updateAgent")
    @Patch("/{id}")
    @RequiresPermission(Permission.AGENTS_WRITE)
    DataResponse<AgentResponse> update(Authentication authentication, @PathVariable UUID id, @Body @Valid AgentRequests.Update request) {
        return DataResponse.of(agents.update(Actor.from(authentication), id, request));
    }

    @Operation(operationId = "archiveAgent")
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.AGENTS_WRITE)
    void archive(Authentication authentication, @PathVariable UUID id) {
        agents.archive(Actor.from(authentication), id);
    }
}
