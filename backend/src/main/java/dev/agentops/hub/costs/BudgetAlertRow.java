package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A row of {@code budget_alerts} (agent ids read as text[]); {@link BudgetAlertResponse} is what leaves through the API. */
@MappedEntity("budget_alerts")
record BudgetAlertRow(@Id UUID id, UUID budgetId, String kind, int threshold, Instant periodStart, @Nullable Instant periodEnd,
                      BigDecimal spentUsd, BigDecimal maxAmountUsd, BigDecimal percent, String[] channels, String[] pausedAgentIds,
                      Instant createdAt, @Nullable Instant notifiedAt) {

    BudgetAlertResponse toResponse() {
        return new BudgetAlertResponse(id, budgetId, kind, threshold, periodStart, periodEnd, spentUsd, maxAmountUsd, percent,
            List.of(channels), Arrays.stream(pausedAgentIds).map(UUID::fromString).toList(), createdAt, notifiedAt);
    }
}
