package dev.agentops.sdk.core;

/**
 * The agent is paused (by a person, the kill switch, a budget or a policy): thrown by a strict client's
 * {@code startRun}, and for the API's {@code agent_paused} / {@code org_paused} answers.
 */
public class AgentPausedException extends AgentOpsException {

    public AgentPausedException(String message, int status, String code, String requestId) {
        super(message, status, code, requestId, null);
    }
}
