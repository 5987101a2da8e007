package dev.agentops.hub.controls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * What an agent must do now, as ingest acks and the SDK's status read say it: {@code agent_status} is
 * {@code paused} when the agent is paused or the organization is halted; then {@code paused_reason} and
 * {@code pause_source} say why ({@code kill_switch} and the halt's reason when only the halt applies).
 */
@Serdeable
@Schema(name = "AgentRuntimeStatus")
public record AgentRuntimeStatus(UUID agentId, @Schema(allowableValues = {"active", "paused", "error"}, requiredMode = Schema.RequiredMode.REQUIRED) String agentStatus,
                                 boolean halted, @Nullable String pausedReason,
                                 @Nullable @Schema(allowableValues = {"person", "kill_switch", "budget", "policy"}) String pauseSource) {

    public boolean paused() {
        return "paused".equals(agentStatus);
    }
}
