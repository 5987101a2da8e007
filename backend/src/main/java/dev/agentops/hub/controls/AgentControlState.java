package dev.agentops.hub.controls;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.shared.security.ActorRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An agent's own pause state (the org-wide halt is reported beside it, in {@link ControlStatus}). */
@Serdeable
@Schema(name = "AgentControlState")
public record AgentControlState(UUID agentId, String name, String slug,
                                @Schema(allowableValues = {"active", "paused"}, requiredMode = Schema.RequiredMode.REQUIRED) String agentStatus,
                                @Nullable String pausedReason,
                                @Nullable @Schema(allowableValues = {"person", "kill_switch", "budget", "policy"}) String pauseSource,
                                @Nullable ActorRef pausedBy, @Nullable Instant pausedAt) {

    static AgentControlState of(Agent agent) {
        if (!agent.paused()) {
            return new AgentControlState(agent.id(), agent.name(), agent.slug(), "active", null, null, null, null);
        }
        return new AgentControlState(agent.id(), agent.name(), agent.slug(), "paused", agent.pausedReason(),
            PauseSource.fromKey(agent.pauseSource()).key(), agent.pausedBy(), agent.pausedAt());
    }
}
