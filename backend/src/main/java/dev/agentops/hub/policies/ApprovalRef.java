package dev.agentops.hub.policies;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The approval request a {@code require_approval} check opened (filled by the approvals feature). */
@Serdeable
@Schema(name = "PolicyCheckApproval")
public record ApprovalRef(UUID id, @Schema(allowableValues = {"pending", "approved", "rejected", "expired"}) String status,
                          Instant expiresAt) {
}
