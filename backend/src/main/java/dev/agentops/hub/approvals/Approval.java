package dev.agentops.hub.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One row of {@code approval_requests}, as stored ({@link #statusAt} is what it means now); the status by its wire name. */
@MappedEntity("approval_requests")
record Approval(@Id UUID id, UUID organizationId, UUID policyId, int policyVersion, @Nullable String policyName, UUID agentId,
                @Nullable String runId, String actionType, @TypeDef(type = DataType.JSON) Map<String, Object> action,
                String actionHash, @TypeDef(type = DataType.STRING_ARRAY) List<String> approvers, ApprovalStatus status,
                @Nullable UUID requestedByKey, Instant requestedAt, Instant expiresAt, @Nullable UUID decidedBy,
                @Nullable Instant decidedAt, @Nullable String comment, @Nullable Instant consumedAt,
                @Nullable String consumedByEvent) {

    /** A pending request past its expiry reads as expired at once, before the sweep has written it. */
    ApprovalStatus statusAt(Instant now) {
        return status == ApprovalStatus.PENDING && !expiresAt.isAfter(now) ? ApprovalStatus.EXPIRED : status;
    }

    /** When it stopped being pending: the decision, or the expiry for one that expired (written or not). */
    @Nullable
    Instant decidedAtAsOf(Instant now) {
        return decidedAt != null ? decidedAt : statusAt(now) == ApprovalStatus.EXPIRED ? expiresAt : null;
    }
}
