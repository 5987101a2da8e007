package dev.agentops.hub.costs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record Budget(UUID id, UUID organizationId, String name, BudgetScope scope, UUID agentId, String teamName,
                     BudgetPeriod period, BigDecimal maxAmountUsd, List<Integer> alertThresholds,
                     Integer autoPauseAtPercent, List<String> channels, Instant createdAt, Instant updatedAt) {
}
