package dev.agentops.hub.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.security.ActorRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An agent with its last-24-hours figures from the rollups (names with digits are spelled out: snake_case drops the "_"
 * before them) and, while it is paused, who paused it, when, why and through which path (controls).
 * {@code budget_status}: the worst state of the budgets covering the agent in their current period (costs).
 */
@Serdeable
public record AgentResponse(UUID id, String name, String slug, String type, String provider,
                            @Schema(implementation = AgentStatus.class) String status, String team,
                            List<String> tags, String environment, Map<String, Object> config,
                            @JsonProperty("runs_24h") long runs24h,
                            @JsonProperty("error_rate_24h") double errorRate24h,
                            @JsonProperty("cost_24h_usd") BigDecimal cost24hUsd, Instant lastRunAt, Instant createdAt,
                            Instant updatedAt,
                            @Nullable String pausedReason,
                            @Nullable @Schema(allowableValues = {"person", "kill_switch", "budget", "policy"}) String pauseSource,
                            @Nullable ActorRef pausedBy, @Nullable Instant pausedAt,
                            @Schema(allowableValues = {"ok", "warning", "exceeded"},
                                requiredMode = Schema.RequiredMode.REQUIRED) String budgetStatus,
                            @Schema(description = "Created on first sight in an OpenTelemetry trace rather than registered")
                            boolean discovered) {

    static AgentResponse of(Agent agent, AgentStats stats, String budgetStatus) {
        return new AgentResponse(agent.id(), agent.name(), agent.slug(), agent.type(), agent.provider(), agent.status(),
            agent.team(), agent.tags(), agent.environment(), agent.config(), stats.runs(), stats.errorRate(),
            stats.costUsd(), agent.lastRunAt(), agent.createdAt(), agent.updatedAt(),
            agent.paused() ? agent.pausedReason() : null, agent.paused() ? agent.pauseSource() : null,
            agent.paused() ? agent.pausedBy() : null, agent.paused() ? agent.pausedAt() : null, budgetStatus,
            agent.discovered());
    }
}
