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
