package dev.agentops.hub.approvals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published after a new approval request commits: the live queue ({@code approval.requested}) and whoever tells the
 * eligible approvers (the notifications feature subscribes to this event; {@code approvers} says who they are).
 */
public record ApprovalRequested(UUID organizationId, UUID approvalId, UUID agentId, String runId, String actionType,
                                UUID policyId, int policyVersion, String policyName, List<String> approvers,
                                Instant expiresAt) {
}
