package dev.agentops.hub.ingestion;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Re-pricing stored runs after a price change (see {@link Repricer}); under /pricing because that is where prices live. */
@Controller("/api/v1/pricing")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Pricing")
class RepriceController {

    private final Repricer repricer;

    RepriceController(Repricer repricer) {
        this.repricer = repricer;
    }

    @Operation(operationId = "repriceRuns")
    @Post("/reprice")
    @RequiresPermission(Permission.OPERATIONS_MANAGE)
    DataResponse<RepriceResult> reprice(Authentication authentication, @Body @Valid RepriceRequest request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(repricer.reprice(actor.organizationId(), AuditActor.of(actor), request));
    }
}
