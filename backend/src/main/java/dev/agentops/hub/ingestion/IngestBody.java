package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.FieldProblem;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an ingest body. The decoder stops at the first value of the wrong JSON type without saying which field held
 * it, so only then is the body read a second time as plain JSON and walked field by field, to name the field and the
 * type it must have ({@code error: must be a string}). The happy path decodes once, as before.
 */
final class IngestBody {

    private static final List<String> TEXT = List.of("run_id", "agent_id", "status", "error", "start_time", "end_time",
        "model", "usage_format");
    private static final List<String> EVENT_TEXT = List.of("event_id", "event_type", "timestamp", "model", "usage_format");

    private IngestBody() {
    }

    static IngestRunRequest read(JsonMapper json, byte[] body) {
        try {
            return json.readValue(body, IngestRunRequest.class);
        } catch (IOException | RuntimeException decodingFailed) {
            Object tree;
            try {
                tree = json.readValue(body, Argument.OBJECT_ARGUMENT);
            } catch (IOException | RuntimeException notJson) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_json", "The request body is not valid JSON.",
                    Map.of());
            }
            List<FieldProblem> problems = typeProblems(tree);
            if (problems.isEmpty()) {
                problems.add(new FieldProblem("request", "must be a JSON object as described in the API document"));
            }
            throw Problems.validation(problems);
        }
    }

    /** The fields whose JSON type differs from the one the API document gives them. */
    static List<FieldProblem> typeProblems(Object tree) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!(tree instanceof Map<?, ?> run)) {
            problems.add(new FieldProblem("request", "must be a JSON object"));
            return problems;
        }
        for (String field : TEXT) {
            expect(problems, field, run.get(field), "a string", v -> v instanceof String);
        }
        expect(problems, "token_usage", run.get("token_usage"), "an object", v -> v instanceof Map);
        expect(problems, "metadata", run.get("metadata"), "an object", v -> v instanceof Map);
        expect(problems, "cost_usd", run.get("cost_usd"), "a number", v -> v instanceof Number);
        if (expect(problems, "tags", run.get("tags"), "an array of strings", v -> v instanceof List)
            && run.get("tags") instanceof List<?> tags) {
            for (int i = 0; i < tags.size(); i++) {
                expect(problems, "tags[" + i + "]", tags.get(i), "a string", v -> v instanceof String);
            }
        }
        if (expect(problems, "events", run.get("events"), "an array of event objects", v -> v instanceof List)
            && run.get("events") instanceof List<?> events) {
            for (int i = 0; i < events.size(); i++) {
                String prefix = "events[" + i + "]";
                if (!(events.get(i) instanceof Map<?, ?> event)) {
                    expect(problems, prefix, events.get(i), "an event object", v -> false);
                    continue;
                }
                for (String field : EVENT_TEXT) {
                    expect(problems, prefix + "." + field, event.get(field), "a string", v -> v instanceof String);
                }
                expect(problems, prefix + ".duration_ms", event.get("duration_ms"), "a whole number of milliseconds",
                    v -> v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger);
                expect(problems, prefix + ".cost_usd", event.get("cost_usd"), "a number", v -> v instanceof Number);
                expect(problems, prefix + ".token_usage", event.get("token_usage"), "an object", v -> v instanceof Map);
            }
        }
        return problems;
    }

    /** True when the value is absent, null or of the expected type. */
    private static boolean expect(List<FieldProblem> problems, String field, Object value, String type,
                                  java.util.function.Predicate<Object> ok) {
        if (value == null || ok.test(value)) {
            return true;
        }
        problems.add(new FieldProblem(field, "must be " + type + ", not " + jsonType(value)));
        return false;
    }

    private static String jsonType(Object value) {
        return value instanceof Map ? "an object"
            : value instanceof List ? "an array"
            : value instanceof String ? "a string"
            : value instanceof Boolean ? "a boolean" : "a number";
    }
}
