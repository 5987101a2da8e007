package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

final class BudgetRequests {

    static final String SCOPES = "organization|team|agent";
    static final String PERIODS = "daily|weekly|monthly|total";

    private BudgetRequests() {
    }

    @Serdeable
    @Schema(name = "BudgetCreateRequest")
    record Create(@NotBlank @Size(max = 200) String name,
                  @NotNull @Pattern(regexp = SCOPES, message = "must be one of organization, team, agent") String scope,
                  @Nullable @Size(min = 1, max = 100) String teamName,
                  @Nullable UUID agentId,
                  @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 10) BigDecimal maxAmountUsd,
                  @NotNull @Pattern(regexp = PERIODS, message = "must be one of daily, weekly, monthly, total") String period,
                  @Nullable @Size(max = 10) @Schema(description = "percent of the limit, default [50, 80, 100]")
                  List<@NotNull @Min(1) @Max(1000) Integer> alertThresholds,
                  @Nullable @Min(1) @Max(1000) @Schema(description = "null: never pause") Integer autoPauseAtPercent,
                  @Nullable @Size(max = 3) @Schema(description = "default [in_app]")
                  List<@NotNull @Pattern(regexp = BudgetChannel.PATTERN, message = "must be one of in_app, email, webhook") String> channels) {
    }

    /** Absent fields stay as they are. {@code auto_pause_at_percent: 0} turns auto-pause off. The scope is fixed. */
    @Serdeable
    @Schema(name = "BudgetUpdateRequest")
    record Update(@Nullable @Size(min = 1, max = 200) String name,
                  @Nullable @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 10) BigDecimal maxAmountUsd,
                  @Nullable @Pattern(regexp = PERIODS, message = "must be one of daily, weekly, monthly, total") String period,
                  @Nullable @Size(max = 10) List<@NotNull @Min(1) @Max(1000) Integer> alertThresholds,
                  @Nullable @Min(0) @Max(1000) @Schema(description = "0 turns auto-pause off") Integer autoPauseAtPercent,
                  @Nullable @Size(max = 3)
                  List<@NotNull @Pattern(regexp = BudgetChannel.PATTERN, message = "must be one of in_app, email, webhook") String> channels) {
    }
}
