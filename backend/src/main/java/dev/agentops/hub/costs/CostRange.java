package dev.agentops.hub.costs;

import dev.agentops.hub.shared.web.Problems;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time range of a cost view or export: {@code [from, to)}, widened to whole hours because the rollups are
 * hourly. Defaults: {@code to} = now, {@code from} = {@code to} minus 30 days; at most 400 days.
 */
record CostRange(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    static final Duration MAX_LENGTH = Duration.ofDays(400);

    static CostRange of(Instant from, Instant to, Instant now) {
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_LENGTH) : from;
        if (!start.isBefore(end)) {
            throw Problems.validation("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw Problems.validation("from", "the range may span at most 400 days");
        }
        Instant hourEnd = end.truncatedTo(ChronoUnit.HOURS);
        return new CostRange(start.truncatedTo(ChronoUnit.HOURS), hourEnd.equals(end) ? end : hourEnd.plus(Duration.ofHours(1)));
    }
}
