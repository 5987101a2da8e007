package dev.agentops.hub.audit;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

@Controller("/api/v1/audit-logs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Operation(operationId = "listAuditLogs")
    @Get
    @RequiresPermission(Permission.AUDIT_READ)
    ListResponse<AuditLogResponse> list(Authentication authentication,
                                        @Nullable @QueryValue("actor_type") String actorType,
                                        @Nullable @QueryValue("actor_id") UUID actorId,
                                        @Nullable @QueryValue String action,
                                        @Nullable @QueryValue("entity_type") String entityType,
                                        @Nullable @QueryValue Instant from,
                                        @Nullable @QueryValue Instant to,
                                        @Nullable @QueryValue Integer limit,
                                        @Nullable @QueryValue String cursor) {
        int pageSize = Paging.limit(limit);
        Long beforeSeq = cursor == null ? null : Paging.decode(cursor, Long::parseLong);
        var query = new AuditQuery(actorType, actorId, action, entityType, from, to, beforeSeq, pageSize);
        return Paging.page(audit.list(Actor.from(authentication).organizationId(), query), pageSize,
            row -> Long.toString(row.seq()));
    }

    @Operation(operationId = "verifyAuditChain")
    @Get("/verify")
    @RequiresPermission(Permission.AUDIT_READ)
    DataResponse<ChainVerification> verify(Authentication authentication) {
        return DataResponse.of(audit.verify(Actor.from(authentication).organizationId()));
    }
}
