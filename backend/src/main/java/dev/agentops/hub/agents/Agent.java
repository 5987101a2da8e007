package dev.agentops.hub.agents;

import dev.agentops.hub.shared.security.ActorRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record Agent(UUID id, UUID organizationId, String name, String slug, String type, String provider, String status,
                    String team, List<String> tags, String environment, Map<String, Object> config, Instant lastRunAt,
                    Instant createdAt, Instant updatedAt, String pausedReason, String pauseSource,
                    ActorRef pausedBy, Instant pausedAt, boolean discovered) {

    public boolean paused() {
        return "paused".equals(status);
    }

    public boolean archived() {
        return AgentStatus.ARCHIVED.wireName().equals(status);
    }
}
