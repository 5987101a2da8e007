package dev.agentops.hub.approvals;

import java.time.Instant;
import java.util.UUID;

/** The request a check opened (or reused): what the check answers as {@code approval}. */
public record OpenedApproval(UUID id, ApprovalStatus status, Instant expiresAt) {
}
