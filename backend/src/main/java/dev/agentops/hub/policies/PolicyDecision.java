package dev.agentops.hub.policies;

import java.util.List;

/**
 * The outcome of evaluating an organization's policies for one action. {@code decision} and {@code reasons} come from
 * the enforced (active) policies only; {@code verdicts} holds every policy that had a say, shadow ones included, for
 * the decision counts and for whoever acts on {@code require_approval} (the approvals seam).
 */
public record PolicyDecision(Decision decision, List<PolicyReason> reasons, List<Verdict> verdicts) {

    /** The enforced verdicts that asked for an approval (their approvers and timeouts), strongest check first. */
    public List<Verdict> approvalVerdicts() {
        return verdicts.stream().filter(v -> !v.policy().shadow() && v.decision() == Decision.REQUIRE_APPROVAL).toList();
    }
}
