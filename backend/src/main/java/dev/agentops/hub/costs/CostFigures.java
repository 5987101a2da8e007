package dev.agentops.hub.costs;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * Cost and volume of a slice of runs. {@code unpriced_runs} counts the runs of the slice without a cost (no known
 * price for the model, or a usage of no known shape): their cost is not in {@code cost_usd}, so a total is never
 * silently too low.
 */
@Serdeable
@Schema(name = "CostFigures")
public record CostFigures(BigDecimal costUsd, long runs, long unpricedRuns, long inputTokens, long outputTokens) {

    public static final CostFigures ZERO = new CostFigures(BigDecimal.ZERO, 0, 0, 0, 0);
}
