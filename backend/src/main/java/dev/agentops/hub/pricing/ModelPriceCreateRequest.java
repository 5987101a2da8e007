package dev.agentops.hub.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Serdeable
@Schema(name = "ModelPriceCreateRequest", description = "An organization's own price for a model; it wins over the "
    + "catalog for this organization. Without match, it applies to the model name exactly (case-insensitively).")
record ModelPriceCreateRequest(
    @NotBlank @Size(max = 200) String model,
    @Nullable @Size(min = 1, max = 500)
    @Schema(description = "Java regular expression, case-insensitive, matched against the whole model name")
    String match,
    @Nullable @Size(max = 100) String provider,
    @NotNull @Valid Rates prices,
    @Nullable @Size(max = 10) List<@NotNull @Valid Tier> tiers,
    @Nullable @Schema(description = "First UTC day the price applies to; unset = always")
    LocalDate effectiveFrom) {

    @Serdeable
    @Schema(name = "ModelPriceRates", description = "USD per token, as decimal strings (\"0.0000025\") or numbers; "
        + "at least input or output. Cache reads and writes default to the input price, 1-hour writes to the 5-minute "
        + "price, reasoning to the output price.")
    record Rates(@Nullable BigDecimal input,
                 @Nullable BigDecimal output,
                 @Nullable BigDecimal cacheRead,
                 @Nullable @JsonProperty("cache_write_5m") BigDecimal cacheWrite5m,
                 @Nullable @JsonProperty("cache_write_1h") BigDecimal cacheWrite1h,
                 @Nullable BigDecimal reasoning) {
    }

    @Serdeable
    @Schema(name = "ModelPriceTierRequest", description = "Prices used instead when a run's input tokens exceed the threshold")
    record Tier(@NotNull Long aboveInputTokens, @NotNull @Valid Rates prices) {
    }
}
