package dev.agentops.hub.ingestion;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and broken payloads: always a 4xx with the right code, never a 500, nothing queued. */
@MicronautTest(transactional = false)
class IngestBadInputTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;
    String key;

    @BeforeAll
    void setUp() {
        api = new Api(client);
        admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Target", "slug", "target"), admin.accessToken());
        key = api.apiKey(admin, "ingest");
    }

    @Test
    void everyBadPayloadGetsTheRightFourHundredCode() {
        Map<String, Map<String, Object>> corpus = new java.util.LinkedHashMap<>();
        corpus.put("missing run_id", Map.of("agent_id", "target"));
        corpus.put("missing agent_id", Map.of("run_id", "r"));
        corpus.put("run_id wrong type", Map.of("run_id", List.of(1, 2), "agent_id", "target"));
        corpus.put("status unknown", Map.of("run_id", "r", "agent_id", "target", "status", "exploded"));
        corpus.put("huge run_id", Map.of("run_id", "r".repeat(5000), "agent_id", "target"));
        corpus.put("huge error", Map.of("run_id", "r", "agent_id", "target", "error", "e".repeat(20_000)));
        corpus.put("bad start_time", Map.of("run_id", "r", "agent_id", "target", "start_time", "yesterday"));
        corpus.put("start_time from 1970", Map.of("run_id", "r", "agent_id", "target", "start_time", "1970-01-01T00:00:00Z"));
        corpus.put("end before start", Map.of("run_id", "r", "agent_id", "target", "start_time", "2026-11-25T10:00:00Z",
            "end_time", "2026-11-25T09:00:00Z"));
        corpus.put("negative tokens", Map.of("run_id", "r", "agent_id", "target", "token_usage", Map.of("input_tokens", -5)));
        corpus.put("fractional tokens", Map.of("run_id", "r", "agent_id", "target", "token_usage", Map.of("input_tokens", 1.5)));
        corpus.put("negative cost", Map.of("run_id", "r", "agent_id", "target", "cost_usd", -1));
        corpus.put("event without id", Map.of("run_id", "r", "agent_id", "target",
            "events", List.of(Map.of("event_type", "log", "timestamp", "2026-11-25T10:00:00Z"))));
        corpus.put("event bad type", Map.of("run_id", "r", "agent_id", "target",
            "events", List.of(Map.of("event_id", "a", "event_type", "party", "timestamp", "2026-11-25T10:00:00Z"))));
        corpus.put("event bad timestamp", Map.of("run_id", "r", "agent_id", "target",
            "events", List.of(Map.of("event_id", "a", "event_type", "log", "timestamp", "soon"))));
        corpus.put("repeated event id", Map.of("run_id", "r", "agent_id", "target", "events", List.of(
            Map.of("event_id", "a", "event_type", "log", "timestamp", "2026-11-25T10:00:00Z"),
            Map.of("event_id", "a", "event_type", "log", "timestamp", "2026-11-25T10:00:01Z"))));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tooMany.add(Map.of("event_id", "e" + i, "event_type", "log", "timestamp", "2026-11-25T10:00:00Z"));
        }
        corpus.put("10,000 events", Map.of("run_id", "r", "agent_id", "target", "events", tooMany));

        List<String> wrong = new ArrayList<>();
        corpus.forEach((name, body) -> {
            var response = api.post("/api/v1/ingest/run", body, key);
            if (response.status() != 400 && response.status() != 413) {
                wrong.add(name + " -> " + response.status() + " " + response.body());
            } else if (!List.of("validation_failed", "invalid_json", "payload_too_large").contains(response.code())) {
                wrong.add(name + " -> code " + response.code());
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(api.get("/api/v1/runs", admin.accessToken()).list()).isEmpty();
    }

    /** The hand-written checks (see IngestValidation) must hold every constraint the API document announces. */
    @Test
    void everyDocumentedConstraintIsCheckedAndNamesItsField() {
        Map<String, Object> event = Map.of("event_id", "a", "event_type", "log", "timestamp", "2026-11-25T10:00:00Z");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("run_id", Map.of("run_id", " "));
        cases.put("run_id ", Map.of("run_id", "r".repeat(201)));
        cases.put("agent_id", Map.of("agent_id", ""));
        cases.put("agent_id ", Map.of("agent_id", "a".repeat(201)));
        cases.put("status", Map.of("status", "done"));
        cases.put("error", Map.of("error", "e".repeat(10_001)));
        cases.put("start_time", Map.of("start_time", "2".repeat(65)));
        cases.put("end_time", Map.of("end_time", "2026-13-01T00:00:00Z"));
        cases.put("model", Map.of("model", "m".repeat(201)));
        cases.put("cost_usd", Map.of("cost_usd", -0.01));
        cases.put("cost_usd ", Map.of("cost_usd", 1_000_001));
        cases.put("usage_format", Map.of("usage_format", "palm"));
        cases.put("tags", Map.of("tags", java.util.Collections.nCopies(51, "t")));
        cases.put("tags[0]", Map.of("tags", List.of(" ")));
        cases.put("tags[0] ", Map.of("tags", List.of("t".repeat(101))));
        cases.put("events", Map.of("events", java.util.Collections.nCopies(1001, event)));
        cases.put("events[0]", Map.of("events", java.util.Arrays.asList((Object) null)));
        cases.put("events[0].event_id", Map.of("events", List.of(with(event, "event_id", " "))));
        cases.put("events[0].event_id ", Map.of("events", List.of(with(event, "event_id", "e".repeat(201)))));
        cases.put("events[0].event_type", Map.of("events", List.of(with(event, "event_type", null))));
        cases.put("events[0].event_type ", Map.of("events", List.of(with(event, "event_type", "party"))));
        cases.put("events[0].timestamp", Map.of("events", List.of(with(event, "timestamp", null))));
        cases.put("events[0].timestamp ", Map.of("events", List.of(with(event, "timestamp", "2026-11-25T10:00:00.1234567890Z"))));
        cases.put("events[0].duration_ms", Map.of("events", List.of(with(event, "duration_ms", -1))));
        cases.put("events[0].model", Map.of("events", List.of(with(event, "model", "m".repeat(201)))));
        cases.put("events[0].cost_usd", Map.of("events", List.of(with(event, "cost_usd", -1))));
        cases.put("events[0].usage_format", Map.of("events", List.of(with(event, "usage_format", "x"))));

        List<String> wrong = new ArrayList<>();
        cases.forEach((field, broken) -> {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("run_id", "ok", "agent_id", "target"));
            body.putAll(broken);
            var response = api.post("/api/v1/ingest/run", body, key);
            if (response.status() != 400 || !"validation_failed".equals(response.code())
                || !response.body().toString().contains("field=" + field.trim() + ",")) {
                wrong.add(field.trim() + " -> " + response.status() + " " + response.body());
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(api.get("/api/v1/runs", admin.accessToken()).list()).isEmpty();
    }

    /** A value of the wrong JSON type is named by its field, with the type expected, whatever the field. */
    @Test
    void aValueOfTheWrongTypeNamesItsFieldAndTheExpectedType() {
        Map<String, Object> event = Map.of("event_id", "a", "event_type", "log", "timestamp", "2026-11-25T10:00:00Z");
        Map<String, Object> object = Map.of("message", "boom");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("run_id", Map.of("run_id", List.of(1, 2)));
        cases.put("agent_id", Map.of("agent_id", object));
        cases.put("status", Map.of("status", 3));
        cases.put("error", Map.of("error", object));
        cases.put("start_time", Map.of("start_time", object));
        cases.put("end_time", Map.of("end_time", List.of()));
        cases.put("model", Map.of("model", object));
        cases.put("token_usage", Map.of("token_usage", "lots"));
        cases.put("cost_usd", Map.of("cost_usd", "cheap"));
        cases.put("tags", Map.of("tags", "prod"));
        cases.put("metadata", Map.of("metadata", List.of(1)));
        cases.put("usage_format", Map.of("usage_format", object));
        cases.put("events", Map.of("events", event));
        cases.put("events[0].event_id", Map.of("events", List.of(with(event, "event_id", object))));
        cases.put("events[0].timestamp", Map.of("events", List.of(with(event, "timestamp", 12))));
        cases.put("events[0].duration_ms", Map.of("events", List.of(with(event, "duration_ms", "slow"))));
        cases.put("events[0].cost_usd", Map.of("events", List.of(with(event, "cost_usd", object))));
        cases.put("events[0].token_usage", Map.of("events", List.of(with(event, "token_usage", 5))));

        List<String> wrong = new ArrayList<>();
        cases.forEach((field, broken) -> {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("run_id", "ok", "agent_id", "target"));
            body.putAll(broken);
            var response = api.post("/api/v1/ingest/run", body, key);
            if (response.status() != 400 || !"validation_failed".equals(response.code())
                || !response.body().toString().contains("field=" + field + ", problem=must be ")) {
                wrong.add(field + " -> " + response.status() + " " + response.body());
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    @Test
    void deepNestingMalformedJsonAndWrongContentTypeAreRefused() {
        String deep = "{\"run_id\": \"deep\", \"agent_id\": \"target\", \"metadata\": "
            + "{\"n\": ".repeat(2000) + "1" + "}".repeat(2000) + "}";
        assertThat(raw(deep, MediaType.APPLICATION_JSON_TYPE)).isEqualTo(400);

        assertThat(raw("{\"run_id\": \"r\", \"agent_id\": ", MediaType.APPLICATION_JSON_TYPE)).isEqualTo(400);
        assertThat(raw("run_id=r", MediaType.TEXT_PLAIN_TYPE)).isEqualTo(415);
        assertThat(api.post("/api/v1/ingest/run", Map.of("run_id", "r", "agent_id", "nobody"), key).code()).isEqualTo("not_found");
        assertThat(api.post("/api/v1/ingest/run", Map.of("run_id", "r", "agent_id", "target"), admin.accessToken()).status())
            .as("users need an API key with the ingest scope").isEqualTo(403);
    }

    private int raw(String body, MediaType type) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/api/v1/ingest/run", body).contentType(type).header("X-API-Key", key)).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
