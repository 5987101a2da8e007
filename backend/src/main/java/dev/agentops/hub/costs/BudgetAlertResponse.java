package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A crossed threshold or an auto-pause, recorded once per budget, period and threshold. */
@Serdeable
@Schema(name = "BudgetAlertResponse")
public record BudgetAlertResponse(UUID id, UUID budgetId, @Schema(allowableValues = {"threshold", "auto_pause"}) String kind,
                                  int threshold, Instant periodStart, @Nullable Instant periodEnd, BigDecimal spentUsd,
                                  BigDecimal maxAmountUsd, BigDecimal percent, List<String> channels,
                                  List<UUID> pausedAgentIds, Instant createdAt, @Nullable Instant notifiedAt) {
}
