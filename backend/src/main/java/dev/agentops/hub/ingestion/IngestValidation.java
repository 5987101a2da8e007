package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.web.WireNames;
import dev.agentops.hub.pricing.UsageFormat;
import dev.agentops.hub.runs.RunStatus;
import dev.agentops.hub.runs.EventType;
import dev.agentops.hub.pricing.UsageNormalizer;
import dev.agentops.hub.shared.web.FieldProblem;
import dev.agentops.hub.shared.web.Problems;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every check of an ingest payload, by hand rather than by bean validation: this endpoint takes a thousand payloads
 * a second, and walking the annotated record reflectively cost more CPU than parsing it. The annotations on
 * {@link IngestRunRequest} stay for the API document and must say the same as the checks here
 * ({@code IngestBadInputTest} sends a payload breaking each of them). Messages are bean validation's own.
 */
final class IngestValidation {

    /** Runs in the far past or future are client clock bugs, not history. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_PROBLEMS = 50;
    private static final BigDecimal MAX_COST = new BigDecimal("1000000");

    private IngestValidation() {
    }

    static void check(IngestRunRequest run) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "run_id", run.runId(), true, 200);
        text(problems, "agent_id", run.agentId(), true, 200);
        oneOf(problems, "status", run.status(), RunStatus.class);
        text(problems, "error", run.error(), false, 10_000);
        text(problems, "model", run.model(), false, 200);
        cost(problems, "cost_usd", run.costUsd());
        oneOf(problems, "usage_format", run.usageFormat(), UsageFormat.class);
        if (run.tags() != null) {
            size(problems, "tags", run.tags().size(), 50);
            for (int i = 0; i < run.tags().size(); i++) {
                text(problems, "tags[" + i + "]", run.tags().get(i), true, 100);
            }
        }
        Instant start = timestamp(problems, "start_time", run.startTime(), false);
        Instant end = timestamp(problems, "end_time", run.endTime(), false);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem("end_time", "must not be before start_time"));
        }
        usage(problems, "token_usage", run.tokenUsage(), run.usageFormat());
        Set<String> eventIds = new HashSet<>();
        List<IngestRunRequest.Event> events = run.eventsOrEmpty();
        size(problems, "events", events.size(), IngestRunRequest.MAX_EVENTS);
        for (int i = 0; i < events.size() && problems.size() < MAX_PROBLEMS; i++) {
            String prefix = "events[" + i + "]";
            IngestRunRequest.Event event = events.get(i);
            if (event == null) {
                problems.add(new FieldProblem(prefix, "must not be null"));
                continue;
            }
            check(problems, prefix + ".", event);
            if (event.eventId() != null && !eventIds.add(event.eventId())) {
                problems.add(new FieldProblem(prefix + ".event_id", "is repeated in this request"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw Problems.validation(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
    }

    private static void check(List<FieldProblem> problems, String prefix, IngestRunRequest.Event event) {
        text(problems, prefix + "event_id", event.eventId(), true, 200);
        if (event.eventType() == null) {
            problems.add(new FieldProblem(prefix + "event_type", "must not be null"));
        }
        oneOf(problems, prefix + "event_type", event.eventType(), EventType.class);
        timestamp(problems, prefix + "timestamp", event.timestamp(), true);
        if (event.durationMs() != null && event.durationMs() < 0) {
            problems.add(new FieldProblem(prefix + "duration_ms", "must be greater than or equal to 0"));
        }
        text(problems, prefix + "model", event.model(), false, 200);
        cost(problems, prefix + "cost_usd", event.costUsd());
        oneOf(problems, prefix + "usage_format", event.usageFormat(), UsageFormat.class);
        usage(problems, prefix + "token_usage", event.tokenUsage(), event.usageFormat());
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        if (required && (value == null || value.isBlank())) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (value != null) {
            size(problems, field, value.length(), max);
        }
    }

    private static void size(List<FieldProblem> problems, String field, int size, int max) {
        if (size > max) {
            problems.add(new FieldProblem(field, "size must be between 0 and " + max));
        }
    }

    private static <E extends Enum<E>> void oneOf(List<FieldProblem> problems, String field, String value, Class<E> set) {
        if (value != null && WireNames.parse(set, value).isEmpty()) {
            problems.add(new FieldProblem(field, "must be " + WireNames.list(set)));
        }
    }

    private static void cost(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(new FieldProblem(field, "must be greater than or equal to 0"));
        } else if (value != null && value.compareTo(MAX_COST) > 0) {
            problems.add(new FieldProblem(field, "must be less than or equal to 1000000"));
        }
    }

    /**
     * ISO-8601 with an offset. The form SDKs send ({@code 2026-11-25T10:00:00.123Z}) is read by hand, about ten times
     * cheaper than {@link Instant#parse}, which every other form falls back to.
     */
    static Instant parseTimestamp(String value) {
        Instant utc = parseUtc(value);
        if (utc != null) {
            return utc;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when the value has another form or is not a real time. */
    private static Instant parseUtc(String v) {
        int n = v.length();
        if (n < 20 || n > 30 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
            || v.charAt(16) != ':' || v.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (v.charAt(19) != '.' || n == 21) {
                return null;
            }
            int fraction = digits(v, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * POWERS_OF_TEN[9 - (n - 21)];
        } else if (v.charAt(19) != 'Z') {
            return null;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notARealTime) {
            return null;
        }
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    /** The decimal number in {@code v[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String v, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant timestamp(List<FieldProblem> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "must not be blank"));
            }
            return null;
        }
        if (value.length() > 64) {
            problems.add(new FieldProblem(field, "size must be between 0 and 64"));
            return null;
        }
        try {
            Instant instant = parseTimestamp(value);
            if (instant.isBefore(EARLIEST) || instant.isAfter(Instant.now().plusSeconds(86_400))) {
                problems.add(new FieldProblem(field, "must be between 2000-01-01 and one day from now"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 timestamp such as 2026-11-25T10:00:00Z"));
            return null;
        }
    }

    private static void usage(List<FieldProblem> problems, String field, Map<String, Object> raw, String format) {
        if (raw == null) {
            return;
        }
        try {
            UsageNormalizer.normalize(raw, format);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
        }
    }
}
