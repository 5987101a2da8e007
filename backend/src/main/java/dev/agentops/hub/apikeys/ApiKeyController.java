package dev.agentops.hub.apikeys;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api/v1/api-keys")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "API keys")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Operation(operationId = "createApiKey")
    @Post
    @Status(HttpStatus.CREATED)
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    DataResponse<ApiKeyResponses.Created> create(Authentication authentication, @Body @Valid ApiKeyCreateRequest request) {
        return DataResponse.of(keys.create(Actor.from(authentication), request));
    }

    @Operation(operationId = "listApiKeys")
    @Get
    @RequiresPermission(Permission.API_KEYS_READ)
    ListResponse<ApiKeyResponses.View> list(Authentication authentication, @Nullable @QueryValue Integer limit,
                                            @Nullable @QueryValue String cursor) {
        int pageSize = Paging.limit(limit);
        Paging.TimeAndId before = Paging.decodeTimeAndId(cursor);
        var rows = keys.list(Actor.from(authentication), before == null ? null : before.at(),
            before == null ? null : before.id(), pageSize + 1).stream().map(ApiKeyResponses.View::of).toList();
        return Paging.page(rows, pageSize, row -> new Paging.TimeAndId(row.createdAt(), row.id()).key());
    }

    @Operation(operationId = "revokeApiKey")
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    void revoke(Authentication authentication, @PathVariable UUID id) {
        keys.revoke(Actor.from(authentication), id);
    }
}
