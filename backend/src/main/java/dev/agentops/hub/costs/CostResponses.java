package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The payloads of the cost views ({@code docs/api.md}, "Costs and budgets"). */
final class CostResponses {

    private CostResponses() {
    }

    @Serdeable
    @Schema(name = "CostRange")
    record Range(Instant from, Instant to, String timezone) {
    }

    @Serdeable
    @Schema(name = "CostByDay", description = "A calendar day in the organization's time zone")
    record Day(LocalDate day, CostFigures figures) {
    }

    @Serdeable
    @Schema(name = "CostByAgent")
    record Agent(UUID agentId, String name, @Nullable String team, CostFigures figures) {
    }

    @Serdeable
    @Schema(name = "CostByTeam", description = "team null: agents without a team")
    record Team(@Nullable String team, CostFigures figures) {
    }

    @Serdeable
    @Schema(name = "CostByModel", description = "model null: runs that named no model")
    record Model(@Nullable String model, CostFigures figures) {
    }

    @Serdeable
    @Schema(name = "CostSummary")
    record Summary(Range range, CostFigures total, List<Day> byDay, List<Agent> byAgent, List<Team> byTeam,
                   List<Model> byModel, List<BudgetResponse> budgets) {
    }

    @Serdeable
    @Schema(name = "AgentCosts")
    record ForAgent(UUID agentId, String name, @Nullable String team, Range range, CostFigures total, List<Day> byDay,
                    List<Model> byModel) {
    }

    @Serdeable
    @Schema(name = "TeamCosts")
    record ForTeam(String team, Range range, CostFigures total, List<Day> byDay, List<Agent> agents, List<Model> byModel) {
    }
}
