package dev.agentops.sdk;

import java.math.BigDecimal;

/**
 * An action with effects outside the agent (an e-mail sent, a refund issued) for
 * {@link AgentOpsClient#recordExternalAction(String, ExternalAction)}; sent as an {@code external_action} event with
 * {@code payload: {action_type, target, payload, approval_id}} and {@code duration_ms}, {@code cost_usd} on the event.
 *
 * @param actionType what was done ({@code send_email}, {@code refund})
 * @param target     on what or whom (optional)
 * @param payload    the action's details (optional)
 * @param approvalId the approval that allowed it (optional)
 * @param durationMs how long it took (optional)
 * @param costUsd    what it cost (optional)
 */
public record ExternalAction(String actionType, String target, Object payload, String approvalId, Long durationMs,
                             BigDecimal costUsd) {

    public static ExternalAction of(String actionType, String target, Object payload) {
        return new ExternalAction(actionType, target, payload, null, null, null);
    }

    /** The same action, allowed by this approval. */
    public ExternalAction withApprovalId(String id) {
        return new ExternalAction(actionType, target, payload, id, durationMs, costUsd);
    }

    /** The same action, with its duration. */
    public ExternalAction withDurationMs(long millis) {
        return new ExternalAction(actionType, target, payload, approvalId, millis, costUsd);
    }

    /** The same action, with its cost. */
    public ExternalAction withCostUsd(BigDecimal cost) {
        return new ExternalAction(actionType, target, payload, approvalId, durationMs, cost);
    }
}
