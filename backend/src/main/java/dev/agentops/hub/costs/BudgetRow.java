package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A row of {@code budgets} as stored (thresholds read as text[]); {@link Budget} is what the code uses. */
@MappedEntity("budgets")
record BudgetRow(@Id UUID id, UUID organizationId, String name, String scopeType, @Nullable UUID agentId, @Nullable String team,
                 String period, BigDecimal maxAmountUsd, String[] alertThresholds, @Nullable Integer autoPauseAtPercent,
                 String[] channels, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = """
        id, organization_id, name, scope_type, agent_id, team, period, max_amount_usd,
        alert_thresholds::text[] as alert_thresholds, auto_pause_at_percent, channels, created_at, updated_at""";

    Budget toBudget() {
        return new Budget(id, organizationId, name, BudgetScope.fromKey(scopeType).orElseThrow(), agentId, team,
            BudgetPeriod.fromKey(period).orElseThrow(), maxAmountUsd, Arrays.stream(alertThresholds).map(Integer::valueOf).toList(),
            autoPauseAtPercent, List.of(channels), createdAt, updatedAt);
    }

    /** A row of {@code budget_alerts} (agent ids read as text[]). */
    @MappedEntity("budget_alerts")
    record Alert(@Id UUID id, UUID budgetId, String kind, int threshold, Instant periodStart, @Nullable Instant periodEnd,
                 BigDecimal spentUsd, BigDecimal maxAmountUsd, BigDecimal percent, String[] channels, String[] pausedAgentIds,
                 Instant createdAt, @Nullable Instant notifiedAt) {

        BudgetAlertResponse toResponse() {
            return new BudgetAlertResponse(id, budgetId, kind, threshold, periodStart, periodEnd, spentUsd, maxAmountUsd, percent,
                List.of(channels), Arrays.stream(pausedAgentIds).map(UUID::fromString).toList(), createdAt, notifiedAt);
        }
    }
}
