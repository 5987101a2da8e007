package dev.agentops.sdk;

/**
 * An action with effects outside the agent (an e-mail sent, a refund issued) for
 * {@link AgentOpsClient#recordExternalAction(String, ExternalAction)}.
 *
 * @param action     what was done ({@code send_email}, {@code refund})
 * @param target     on what or whom (optional)
 * @param details    anything else (optional)
 * @param durationMs how long it took (optional)
 */
public record ExternalAction(String action, String target, Object details, Long durationMs) {

    public static ExternalAction of(String action, String target, Object details) {
        return new ExternalAction(action, target, details, null);
    }
}
