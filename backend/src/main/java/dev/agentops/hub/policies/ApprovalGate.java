package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;

/**
 * The seam for the approvals feature: a check whose decision is {@code require_approval} hands the action and the
 * decision here ({@link PolicyDecision#approvalVerdicts()} carries the approvers and timeouts of the policies that
 * asked) and reports the approval it gets back. Called after the decision, before the check's event is recorded, so
 * the {@code policy_check} event carries the approval's id. The approvals feature implements it.
 */
public interface ApprovalGate {

    @Nullable
    ApprovalRef open(CheckedAction action, PolicyDecision decision);
}
