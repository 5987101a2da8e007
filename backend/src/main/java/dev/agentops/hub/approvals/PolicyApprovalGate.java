package dev.agentops.hub.approvals;

import dev.agentops.hub.policies.ApprovalGate;
import dev.agentops.hub.policies.ApprovalRef;
import dev.agentops.hub.policies.CheckedAction;
import dev.agentops.hub.policies.CompiledPolicy;
import dev.agentops.hub.policies.PolicyDecision;
import dev.agentops.hub.policies.Verdict;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Where a {@code require_approval} check opens its request. One request per check, bound to the strongest policy that
 * asked (the first of {@link PolicyDecision#approvalVerdicts()}): its version goes into the action hash, its
 * approvers decide and its timeout applies, so the request means exactly what that policy version said.
 */
@Singleton
class PolicyApprovalGate implements ApprovalGate {

    private final ApprovalService approvals;

    PolicyApprovalGate(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public ApprovalRef open(CheckedAction action, PolicyDecision decision) {
        List<Verdict> asked = decision.approvalVerdicts();
        if (asked.isEmpty()) {
            return null;
        }
        CompiledPolicy policy = asked.get(0).policy();
        OpenedApproval opened = approvals.open(new OpenApproval(action.organizationId(), action.apiKeyId(), action.agent().id(),
            action.runId(), action.actionType(), action.action(), policy.id(), policy.version(), policy.name(),
            policy.rule().approvers(), policy.rule().timeoutMinutes()));
        return new ApprovalRef(opened.id(), opened.status().wireName(), opened.expiresAt());
    }
}
