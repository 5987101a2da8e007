package dev.agentops.hub.approvals;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a {@code require_approval} check hands over: the action exactly as the policies saw it, the policy (and
 * version) that asked, who may decide and how long they have ({@code timeoutMinutes}, clamped to 1 min – 7 days).
 */
public record OpenApproval(UUID organizationId, @Nullable UUID apiKeyId, UUID agentId, @Nullable String runId,
                           String actionType, Map<String, Object> action, UUID policyId, int policyVersion,
                           @Nullable String policyName, List<String> approvers, int timeoutMinutes) {
}
