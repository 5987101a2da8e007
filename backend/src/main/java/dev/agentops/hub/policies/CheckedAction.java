package dev.agentops.hub.policies;

import dev.agentops.hub.agents.Agent;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.UUID;

/**
 * One checked action with everything known about it, handed to the {@link ApprovalGate}: the organization, the
 * API key that asked, the agent, the client's run id (null when the check named no run), and the facts the rules saw
 * ({@code facts.variables().get("action")} is the action with its context).
 */
public record CheckedAction(UUID organizationId, @Nullable UUID apiKeyId, Agent agent, @Nullable String runId,
                            String actionType, Map<String, Object> action, Facts facts) {
}
