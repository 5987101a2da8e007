package dev.agentops.sdk;

/**
 * The end of {@link PolicyCheck#waitForApproval}.
 *
 * @param status    approved, rejected, expired, or timeout
 * @param comment   the decider's comment (null without one)
 * @param decidedBy the id of the person who decided (null when nobody did)
 */
public record ApprovalResult(ApprovalOutcome status, String comment, String decidedBy) {

    /** True when the action may go ahead. */
    public boolean approved() {
        return status == ApprovalOutcome.APPROVED;
    }
}
