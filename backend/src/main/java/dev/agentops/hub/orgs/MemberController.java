package dev.agentops.hub.orgs;

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
import io.micronaut.http.annotation.Patch;
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

@Controller("/api/v1/org-members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Members")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @Operation(operationId = "listMembers")
    @Get
    @RequiresPermission(Permission.MEMBERS_READ)
    ListResponse<MemberResponse> list(Authentication authentication, @Nullable @QueryValue Integer limit,
                                      @Nullable @QueryValue String cursor) {
        int pageSize = Paging.limit(limit);
        Paging.TimeAndId after = Paging.decodeTimeAndId(cursor);
        var rows = members.list(Actor.from(authentication), after == null ? null : after.at(),
            after == null ? null : after.id(), pageSize + 1).stream().map(MemberResponse::of).toList();
        return Paging.page(rows, pageSize, row -> new Paging.TimeAndId(row.createdAt(), row.id()).key());
    }

    @Operation(operationId = "inviteMember")
    @Post
    @Status(HttpStatus.CREATED)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    DataResponse<InvitationCreated> invite(Authentication authentication, @Body @Valid OrgRequests.Invite request) {
        return DataResponse.of(members.invite(Actor.from(authentication), request));
    }

    @Operation(operationId = "updateMember")
    @Patch("/{id}")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    DataResponse<MemberResponse> update(Authentication authentication, @PathVariable UUID id,
                                        @Body @Valid OrgRequests.MemberUpdate request) {
        return DataResponse.of(MemberResponse.of(members.update(Actor.from(authentication), id, request)));
    }

    @Operation(operationId = "removeMember")
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    void remove(Authentication authentication, @PathVariable UUID id) {
        members.remove(Actor.from(authentication), id);
    }
}
