package dev.agentops.hub.costs;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetStatusTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void aMonthlyPeriodEndsAtTheLastInstantOfTheMonthAndTheNextStartsOnTheFirst() {
        BudgetStatus lastSecond = status("10", "4", "2026-01-31T23:59:59Z", UTC, BudgetPeriod.MONTHLY);
        assertThat(lastSecond.periodStart()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(lastSecond.periodEnd()).isEqualTo("2026-02-01T00:00:00Z");
        BudgetStatus firstSecond = status("10", "0", "2026-02-01T00:00:00Z", UTC, BudgetPeriod.MONTHLY);
        assertThat(firstSecond.periodStart()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(firstSecond.periodEnd()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(status("10", "0", "2028-02-29T12:00:00Z", UTC, BudgetPeriod.MONTHLY).periodEnd())
            .as("a leap year's February").isEqualTo("2028-03-01T00:00:00Z");
    }

    @Test
    void aDayWithADaylightSavingChangeInParisLastsTwentyThreeHoursAndStartsAtLocalMidnight() {
        // 2026-03-29: clocks go from 02:00 to 03:00 in Paris; midnight is 23:00 UTC the day before (UTC+1)
        BudgetStatus spring = status("24", "12", "2026-03-29T10:00:00Z", PARIS, BudgetPeriod.DAILY);
        assertThat(spring.periodStart()).isEqualTo("2026-03-28T23:00:00Z");
        assertThat(spring.periodEnd()).isEqualTo("2026-03-29T22:00:00Z");
        // 11 of 23 hours elapsed: 12 * 23 / 11
        assertThat(spring.forecastUsd()).isEqualByComparingTo(new BigDecimal("12").multiply(BigDecimal.valueOf(23))
            .divide(BigDecimal.valueOf(11), 10, java.math.RoundingMode.HALF_UP));
        // 2026-10-25: clocks go back; the day lasts 25 hours
        BudgetStatus autumn = status("24", "0", "2026-10-25T12:00:00Z", PARIS, BudgetPeriod.DAILY);
        assertThat(autumn.periodStart()).isEqualTo("2026-10-24T22:00:00Z");
        assertThat(autumn.periodEnd()).isEqualTo("2026-10-25T23:00:00Z");
    }

    @Test
    void aMonthAcrossTheDaylightSavingChangeStartsAndEndsAtLocalMidnights() {
        BudgetStatus march = status("100", "10", "2026-03-30T12:00:00Z", PARIS, BudgetPeriod.MONTHLY);
        assertThat(march.periodStart()).isEqualTo("2026-02-28T23:00:00Z");
        assertThat(march.periodEnd()).isEqualTo("2026-03-31T22:00:00Z");
    }

    @Test
    void weeksStartOnMondayInTheOrganizationsZone() {
        // Sunday 2026-11-29 23:30 UTC is already Monday 2026-11-30 00:30 in Paris
        BudgetStatus paris = status("10", "1", "2026-11-29T23:30:00Z", PARIS, BudgetPeriod.WEEKLY);
        assertThat(paris.periodStart()).isEqualTo("2026-11-29T23:00:00Z");
        assertThat(paris.periodEnd()).isEqualTo("2026-12-06T23:00:00Z");
        BudgetStatus utc = status("10", "1", "2026-11-29T23:30:00Z", UTC, BudgetPeriod.WEEKLY);
        assertThat(utc.periodStart()).as("still Sunday in UTC: the week began on Monday the 23rd").isEqualTo("2026-11-23T00:00:00Z");
        BudgetStatus monday = status("10", "1", "2026-11-30T00:00:00Z", UTC, BudgetPeriod.WEEKLY);
        assertThat(monday.periodStart()).isEqualTo("2026-11-30T00:00:00Z");
    }

    @Test
    void aTotalBudgetNeverEndsAndHasNoForecast() {
        BudgetStatus total = status("50", "60", "2026-11-29T23:30:00Z", PARIS, BudgetPeriod.TOTAL);
        assertThat(total.periodStart()).isEqualTo(Instant.EPOCH);
        assertThat(total.periodEnd()).isNull();
        assertThat(total.forecastUsd()).isNull();
        assertThat(total.state()).isEqualTo("exceeded");
        assertThat(total.remainingUsd()).isEqualByComparingTo("0");
        assertThat(total.percent()).isEqualByComparingTo("120");
    }

    @Test
    void statesAreOkBelowEightyPercentWarningFromEightyAndExceededFromTheLimit() {
        assertThat(status("100", "79.99", "2026-11-15T00:00:00Z", UTC, BudgetPeriod.MONTHLY).state()).isEqualTo("ok");
        assertThat(status("100", "80", "2026-11-15T00:00:00Z", UTC, BudgetPeriod.MONTHLY).state()).isEqualTo("warning");
        assertThat(status("100", "100", "2026-11-15T00:00:00Z", UTC, BudgetPeriod.MONTHLY).state()).isEqualTo("exceeded");
        BudgetStatus half = status("100", "25", "2026-11-16T00:00:00Z", UTC, BudgetPeriod.MONTHLY);
        assertThat(half.remainingUsd()).isEqualByComparingTo("75");
        assertThat(half.forecastUsd()).as("25 in 15 of 30 days").isEqualByComparingTo("50");
    }

    @Test
    void thresholdsCompareExactlyWithoutRounding() {
        assertThat(BudgetStatus.reached(new BigDecimal("0.0000000799"), new BigDecimal("0.0000001"), 80)).isFalse();
        assertThat(BudgetStatus.reached(new BigDecimal("0.00000008"), new BigDecimal("0.0000001"), 80)).isTrue();
        assertThat(BudgetStatus.reached(new BigDecimal("30"), new BigDecimal("10"), 300)).isTrue();
    }

    @Test
    void inAHalfHourZoneTheHourBucketOfTheBoundaryCountsToTheNewPeriod() {
        // Kolkata is UTC+05:30: the local day 2026-11-30 starts at 2026-11-29T18:30Z, inside the 18:00 UTC bucket
        BudgetPeriod.Window day = BudgetPeriod.DAILY.window(Instant.parse("2026-11-30T06:00:00Z"), KOLKATA);
        assertThat(day.start()).isEqualTo("2026-11-29T18:30:00Z");
        assertThat(day.firstBucket()).isEqualTo("2026-11-29T18:00:00Z");
        assertThat(day.endBucket()).isEqualTo("2026-11-30T18:00:00Z");
    }

    private static BudgetStatus status(String limit, String spent, String now, ZoneId zone, BudgetPeriod period) {
        return BudgetStatus.of(new BigDecimal(limit), new BigDecimal(spent), 0, Clock.fixed(Instant.parse(now), UTC), zone, period);
    }
}
