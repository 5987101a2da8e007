package dev.agentops.hub.approvals;

import java.time.Instant;
import java.util.UUID;

/**
 * Published after a decision or an expiry commits: live views ({@code approval.decided}) and waiters on every
 * instance. {@code decidedBy} is null for an expiry.
 */
public record ApprovalDecided(UUID organizationId, UUID approvalId, UUID agentId, String runId, ApprovalStatus status,
                              UUID decidedBy, Instant decidedAt) {
}
