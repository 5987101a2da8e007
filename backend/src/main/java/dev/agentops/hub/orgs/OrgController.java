package dev.agentops.hub.orgs;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/api/v1/orgs/profile")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organization")
class OrgController {

    private final OrgService organizations;

    OrgController(OrgService organizations) {
        this.organizations = organizations;
    }

    @Operation(operationId = "getOrgProfile")
    @Get
    @RequiresPermission(Permission.ORG_READ)
    DataResponse<Organization> profile(Authentication authentication) {
        return DataResponse.of(organizations.profile(Actor.from(authentication)));
    }

    @Operation(operationId = "updateOrgProfile")
    @Patch
    @RequiresPermission(Permission.ORG_UPDATE)
    DataResponse<Organization> update(Authentication authentication, @Body @Valid OrgRequests.ProfileUpdate request) {
        return DataResponse.of(organizations.update(Actor.from(authentication), request));
    }
}
