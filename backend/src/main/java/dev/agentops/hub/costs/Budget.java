package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code budgets}; scope and period are stored by their keys, which Micronaut's string-to-enum conversion reads. */
@MappedEntity("budgets")
public record Budget(@Id @Nullable UUID id, UUID organizationId, String name, @MappedProperty("scope_type") BudgetScope scope,
                     @Nullable UUID agentId, @Nullable @MappedProperty("team") String teamName, BudgetPeriod period,
                     BigDecimal maxAmountUsd, @TypeDef(type = DataType.INTEGER_ARRAY) List<Integer> alertThresholds,
                     @Nullable Integer autoPauseAtPercent, @TypeDef(type = DataType.STRING_ARRAY) List<String> channels,
                     @Nullable Instant createdAt, @Nullable Instant updatedAt) {
}
