package dev.agentops.hub.ingestion;

import dev.agentops.hub.pricing.TokenUsage;
import dev.agentops.hub.pricing.UsageNormalizer;
import dev.agentops.hub.shared.web.FieldProblem;
import dev.agentops.hub.shared.web.Problems;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks bean validation cannot express: timestamps, their order, usage objects, duplicate event ids. */
final class IngestValidation {

    /** Runs in the far past or future are client clock bugs, not history. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private IngestValidation() {
    }

    static void check(IngestRunRequest run) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = timestamp(problems, "start_time", run.startTime());
        Instant end = timestamp(problems, "end_time", run.endTime());
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem("end_time", "must not be before start_time"));
        }
        usage(problems, "token_usage", run.tokenUsage(), run.usageFormat());
        Set<String> eventIds = new HashSet<>();
        List<IngestRunRequest.Event> events = run.eventsOrEmpty();
        for (int i = 0; i < events.size(); i++) {
            IngestRunRequest.Event event = events.get(i);
            String prefix = "events[" + i + "].";
            timestamp(problems, prefix + "timestamp", event.timestamp());
            usage(problems, prefix + "token_usage", event.tokenUsage(), event.usageFormat());
            if (!eventIds.add(event.eventId())) {
                problems.add(new FieldProblem(prefix + "event_id", "is repeated in this request"));
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.validation(problems.subList(0, Math.min(problems.size(), 50)));
        }
    }

    static Instant parseTimestamp(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    static TokenUsage usageOf(Map<String, Object> raw, String format) {
        return raw == null ? TokenUsage.ZERO : UsageNormalizer.normalize(raw, format);
    }

    private static Instant timestamp(List<FieldProblem> problems, String field, String value) {
        if (value == null) {
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
