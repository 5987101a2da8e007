package dev.agentops.hub.costs;

import dev.agentops.hub.shared.web.WireNames;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * A budget's period: a calendar day, week (starting on Monday) or month in the organization's time zone, or the
 * whole history ({@code total}). The current period is computed from the clock on every read, so there is no reset
 * to miss and nothing to wipe.
 */
public enum BudgetPeriod {
    DAILY, WEEKLY, MONTHLY, TOTAL;

    /** Where the {@code total} period starts (its alerts are keyed on it; it never ends). */
    static final Instant BEGINNING = Instant.EPOCH;

    /**
     * The period {@code now} lies in. {@code end} is null for {@code total}. Starts are local midnights; on a day
     * whose midnight does not exist (a DST gap at 00:00) the day starts at the first valid local time.
     */
    public record Window(Instant start, Instant end) {

        /**
         * First hour bucket of the period: rollups are hourly in UTC, so in a zone with a non-whole-hour offset the
         * bucket a boundary falls in counts wholly to the period that starts inside it (the hour's end decides).
         */
        public Instant firstBucket() {
            return start.truncatedTo(ChronoUnit.HOURS);
        }

        /** First hour bucket after the period (null: no end). */
        public Instant endBucket() {
            return end == null ? null : end.truncatedTo(ChronoUnit.HOURS);
        }
    }

    public Window window(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (this) {
            case DAILY -> between(today, Period.ofDays(1), zone);
            case WEEKLY -> between(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), Period.ofWeeks(1), zone);
            case MONTHLY -> between(today.withDayOfMonth(1), Period.ofMonths(1), zone);
            case TOTAL -> new Window(BEGINNING, null);
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BudgetPeriod> fromKey(String key) {
        return WireNames.parse(BudgetPeriod.class, key);
    }

    private static Window between(LocalDate first, Period length, ZoneId zone) {
        return new Window(first.atStartOfDay(zone).toInstant(), first.plus(length).atStartOfDay(zone).toInstant());
    }
}
