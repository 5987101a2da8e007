package dev.agentops.hub.ingestion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * {@code POST /pricing/reprice}: the runs that started in {@code [from, to)}; {@code only_unpriced} limits it to runs
 * without a cost (a model that had no price); {@code max_runs} bounds one call (default 10 000, at most 100 000);
 * {@code cursor} continues a previous call that answered {@code more: true}.
 */
@Serdeable
public record RepriceRequest(@NotNull Instant from, @NotNull Instant to, @Nullable Boolean onlyUnpriced,
                             @Nullable @Min(1) @Max(100_000) Integer maxRuns, @Nullable String cursor) {
}
