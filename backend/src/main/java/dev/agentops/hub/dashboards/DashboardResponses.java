package dev.agentops.hub.dashboards;

import dev.agentops.hub.agents.AgentResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payloads of docs/api.md, "Dashboards". */
final class DashboardResponses {

    private DashboardResponses() {
    }

    @Serdeable
    @Schema(name = "DashboardRange")
    record Range(Instant from, Instant to, String bucket) {
    }

    @Serdeable
    @Schema(name = "DashboardTotals")
    record Totals(long runs, long errors, double errorRate, BigDecimal costUsd, long activeAgents,
                  @Nullable Long latencyP50Ms, @Nullable Long latencyP95Ms) {
    }

    @Serdeable
    @Schema(name = "DashboardKpis")
    record Kpis(long runs, long errors, double errorRate, BigDecimal costUsd, long activeAgents,
                @Nullable Long latencyP50Ms, @Nullable Long latencyP95Ms, Totals previous) {
        static Kpis of(Totals current, Totals previous) {
            return new Kpis(current.runs(), current.errors(), current.errorRate(), current.costUsd(), current.activeAgents(),
                current.latencyP50Ms(), current.latencyP95Ms(), previous);
        }
    }

    @Serdeable
    @Schema(name = "DashboardPoint")
    record Point(Instant bucket, long runs, long errors, BigDecimal costUsd, @Nullable Long latencyP50Ms,
                 @Nullable Long latencyP95Ms) {
    }

    @Serdeable
    @Schema(name = "DashboardTopAgent")
    record TopAgent(UUID agentId, String name, long runs, double errorRate, BigDecimal costUsd) {
    }

    @Serdeable
    @Schema(name = "DashboardModelCost")
    record ModelCost(String model, BigDecimal costUsd, long runs) {
    }

    @Serdeable
    @Schema(name = "DashboardAgentCost")
    record AgentCost(UUID agentId, String name, BigDecimal costUsd) {
    }

    @Serdeable
    @Schema(name = "DashboardAttention")
    record Attention(UUID agentId, String name, String reason, String detail) {
    }

    @Serdeable
    @Schema(name = "DashboardHome")
    record Home(Range range, Kpis kpis, List<Point> series, List<TopAgent> topAgents, List<ModelCost> costByModel,
                List<AgentCost> costByAgent, List<Attention> attention) {
    }

    @Serdeable
    @Schema(name = "DashboardAgent")
    record AgentTrends(AgentResponse agent, Range range, Kpis kpis, List<Point> series, List<ModelCost> costByModel) {
    }
}
