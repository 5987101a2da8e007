package dev.agentops.sdk;

/**
 * Why a policy check decided as it did: {@code code} {@code policy} (an enforced policy that had a say),
 * {@code evaluation_error}, {@code agent_paused}, or {@code unreachable} (no answer from AgentOps; then only
 * {@code code}, {@code decision} and {@code message}).
 */
public record PolicyReason(String code, String policyId, Integer version, String name, Decision decision,
                           String message) {
}
