package dev.agentops.hub.costs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Where a budget stands in its current period: a pure decision from the limit, the period's spend, the clock and
 * the organization's zone. {@code exceeded} from 100 % of the limit, {@code warning} from {@value #WARNING_PERCENT} %,
 * {@code ok} below. The forecast is linear: the spend so far extended to the whole period (none for {@code total}).
 */
@Serdeable
@Schema(name = "BudgetStatus")
public record BudgetStatus(Instant periodStart, @Nullable Instant periodEnd, BigDecimal spentUsd, long unpricedRuns,
                           BigDecimal percent, BigDecimal remainingUsd, @Nullable BigDecimal forecastUsd,
                           @Schema(allowableValues = {"ok", "warning", "exceeded"}) String state) {

    public static final int WARNING_PERCENT = 80;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum State {
        OK, WARNING, EXCEEDED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static BudgetStatus of(BigDecimal limit, BigDecimal spent, long unpricedRuns, Clock clock, ZoneId zone,
                                  BudgetPeriod period) {
        Instant now = clock.instant();
        BudgetPeriod.Window window = period.window(now, zone);
        BigDecimal percent = percentOf(spent, limit);
        State state = spent.compareTo(limit) >= 0 ? State.EXCEEDED
            : percent.compareTo(BigDecimal.valueOf(WARNING_PERCENT)) >= 0 ? State.WARNING : State.OK;
        return new BudgetStatus(window.start(), window.end(), spent, unpricedRuns, percent,
            limit.subtract(spent).max(BigDecimal.ZERO), forecast(spent, window, now), state.key());
    }

    /** Whether {@code spent} has reached {@code percent} % of {@code limit}, exactly (no rounding). */
    public static boolean reached(BigDecimal spent, BigDecimal limit, int percent) {
        return spent.multiply(HUNDRED).compareTo(limit.multiply(BigDecimal.valueOf(percent))) >= 0;
    }

    static BigDecimal percentOf(BigDecimal spent, BigDecimal limit) {
        return spent.multiply(HUNDRED).divide(limit, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal forecast(BigDecimal spent, BudgetPeriod.Window window, Instant now) {
        if (window.end() == null) {
            return null;
        }
        long elapsed = Duration.between(window.start(), now).toSeconds();
        long length = Duration.between(window.start(), window.end()).toSeconds();
        if (elapsed <= 0) {
            return spent;
        }
        return spent.multiply(BigDecimal.valueOf(length)).divide(BigDecimal.valueOf(elapsed), 10, RoundingMode.HALF_UP);
    }
}
