package dev.agentops.hub.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The answer of a wait: still {@code pending} when the wait timed out first. */
@Serdeable
@Schema(name = "ApprovalWaitResponse")
public record ApprovalWaitResponse(UUID id, @Schema(implementation = ApprovalStatus.class) String status, @Nullable String comment, @Nullable UUID decidedBy,
                                   @Nullable Instant decidedAt, Instant expiresAt) {

    static ApprovalWaitResponse of(Approval a, Instant now) {
        return new ApprovalWaitResponse(a.id(), a.statusAt(now).wireName(), a.comment(), a.decidedBy(), a.decidedAtAsOf(now), a.expiresAt());
    }
}
