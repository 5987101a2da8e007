package dev.agentops.hub.agents;

import java.util.UUID;

/** Published after an agent change commits (live views; later: pause propagation). */
public record AgentChanged(UUID organizationId, UUID agentId, String status) {
}
