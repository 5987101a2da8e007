package dev.agentops.sdk;

import java.time.Duration;
import java.util.List;

/**
 * The answer of {@link AgentOpsClient#checkPolicy}: the decision, its reasons, and the approval request a
 * {@code require_approval} opened ({@link #approvalId()}, else null), which {@link #waitForApproval(Duration)} waits for.
 */
public final class PolicyCheck {

    /** The client's long-poll loop, bound to this check's approval, run and action. */
    interface Waiter {
        ApprovalResult await(Duration timeout);
    }

    private final Decision decision;
    private final List<PolicyReason> reasons;
    private final String approvalId;
    private final Waiter waiter;

    PolicyCheck(Decision decision, List<PolicyReason> reasons, String approvalId, Waiter waiter) {
        this.decision = decision;
        this.reasons = List.copyOf(reasons);
        this.approvalId = approvalId;
        this.waiter = waiter;
    }

    public Decision decision() {
        return decision;
    }

    public List<PolicyReason> reasons() {
        return reasons;
    }

    /** The approval request a {@code require_approval} opened, or null. */
    public String approvalId() {
        return approvalId;
    }

    /**
     * Blocks until the approval request is decided or expires, or {@code timeout} has passed ({@code TIMEOUT}); the
     * server is long-polled up to 60 s per request. An approved request is remembered for this run's
     * {@link AgentOpsClient#recordExternalAction} of the same action. Without a request it returns at once:
     * {@code APPROVED} for {@code allow}, {@code REJECTED} for {@code block}.
     */
    public ApprovalResult waitForApproval(Duration timeout) {
        if (approvalId == null) {
            return new ApprovalResult(decision == Decision.ALLOW ? ApprovalOutcome.APPROVED : ApprovalOutcome.REJECTED,
                null, null);
        }
        return waiter.await(timeout);
    }

    /** {@link #waitForApproval(Duration)} for at most a minute. */
    public ApprovalResult waitForApproval() {
        return waitForApproval(Duration.ofMinutes(1));
    }

    @Override
    public String toString() {
        return "PolicyCheck[decision=" + decision + ", reasons=" + reasons + ", approvalId=" + approvalId + "]";
    }
}
