package dev.agentops.hub.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An approval request as the API shows it; {@code status} is as of the read (an overdue one reads expired). */
@Serdeable
@Schema(name = "ApprovalResponse")
public record ApprovalResponse(UUID id, @Schema(implementation = ApprovalStatus.class) String status, UUID policyId, int policyVersion, @Nullable String policyName,
                               UUID agentId, @Nullable @Schema(description = "the client's run id") String runId,
                               String actionType,
                               @Schema(description = "the action as the policies saw it (context merged, type included)")
                               Map<String, Object> action,
                               @Schema(description = "SHA-256 hex of the canonical {agent_id, action, policy_id, policy_version}")
                               String actionHash,
                               @Schema(description = "role:<role> (that role or above) or user:<user id>") List<String> approvers,
                               Instant requestedAt, Instant expiresAt, @Nullable UUID decidedBy, @Nullable Instant decidedAt,
                               @Nullable String comment, @Nullable Instant consumedAt,
                               @Nullable @Schema(description = "<run_id>/<event_id> of the external action that used it")
                               String consumedByEvent) {

    static ApprovalResponse of(Approval a, Instant now) {
        return new ApprovalResponse(a.id(), a.statusAt(now).wireName(), a.policyId(), a.policyVersion(), a.policyName(), a.agentId(),
            a.runId(), a.actionType(), a.action(), a.actionHash(), a.approvers(), a.requestedAt(), a.expiresAt(), a.decidedBy(),
            a.decidedAtAsOf(now), a.comment(), a.consumedAt(), a.consumedByEvent());
    }
}
