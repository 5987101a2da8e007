package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(name = "BudgetResponse")
public record BudgetResponse(UUID id, String name, String scope, @Nullable String teamName, @Nullable UUID agentId,
                             BigDecimal maxAmountUsd, String period, List<Integer> alertThresholds,
                             @Nullable Integer autoPauseAtPercent, List<String> channels, Instant createdAt,
                             Instant updatedAt, BudgetStatus status) {

    static BudgetResponse of(Budget b, BudgetStatus status) {
        return new BudgetResponse(b.id(), b.name(), b.scope().key(), b.teamName(), b.agentId(), b.maxAmountUsd(),
            b.period().key(), b.alertThresholds(), b.autoPauseAtPercent(), b.channels(), b.createdAt(), b.updatedAt(), status);
    }
}
