package dev.agentops.hub.ingestion;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Old-shape tool_call and external_action payloads are stored canonical, and rows stored before read canonical. */
@MicronautTest(transactional = false)
class EventPayloadShapesTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;
    Ingest ingest;

    @BeforeAll
    void setUp() {
        api = new Api(client);
        admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Shapes", "slug", "shapes"), admin.accessToken());
        ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
    }

    @Test
    void oldAndNewShapesAreStoredAndAnsweredInTheCanonicalShape() {
        String at = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        String runId = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", "shapes", "events", List.of(
            Map.of("event_id", "old-tool", "event_type", "tool_call", "timestamp", at,
                "payload", Map.of("tool", "search", "input", Map.of("q", "x"))),
            Map.of("event_id", "old-action", "event_type", "external_action", "timestamp", at,
                "payload", Map.of("action", "send_email", "target", "ceo@example.com", "details", Map.of("subject", "hi"))),
            Map.of("event_id", "new-tool", "event_type", "tool_call", "timestamp", at,
                "payload", Map.of("tool_name", "fetch", "output", "ok", "error", "")))));

        Map<String, Map<String, Object>> payloads = payloadsOf(runId);

        assertThat(payloads.get("old-tool")).isEqualTo(Map.of("tool_name", "search", "input", Map.of("q", "x")));
        assertThat(payloads.get("old-action")).isEqualTo(Map.of("action_type", "send_email", "target", "ceo@example.com",
            "payload", Map.of("subject", "hi")));
        assertThat(payloads.get("new-tool")).isEqualTo(Map.of("tool_name", "fetch", "output", "ok", "error", ""));
        assertThat(storedPayloadKeys("old-tool")).contains("tool_name").doesNotContain("\"tool\"");
    }

    @Test
    void rowsStoredInTheOldShapeReadCanonical() throws Exception {
        String at = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        String runId = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", "shapes", "events", List.of(
            Map.of("event_id", "legacy", "event_type", "tool_call", "timestamp", at, "payload", Map.of("tool_name", "x")))));
        // as written by the server before the rename
        withOrg(owner -> Sql.update(owner, "update events set payload = '{\"tool\": \"legacy-search\"}'::jsonb where event_id = 'legacy'"));

        assertThat(payloadsOf(runId).get("legacy")).isEqualTo(Map.of("tool_name", "legacy-search"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> payloadsOf(String runId) {
        String id = api.get("/api/v1/runs?external_reference=" + runId, admin.accessToken()).list().get(0).get("id").toString();
        List<Map<String, Object>> fromRun = (List<Map<String, Object>>) api.get("/api/v1/runs/" + id, admin.accessToken()).data().get("events");
        List<Map<String, Object>> fromEvents = api.get("/api/v1/events/" + id, admin.accessToken()).list();
        assertThat(fromEvents).isEqualTo(fromRun);
        Map<String, Map<String, Object>> payloads = new java.util.HashMap<>();
        fromRun.forEach(e -> payloads.put(e.get("event_id").toString(), (Map<String, Object>) e.get("payload")));
        return payloads;
    }

    private String storedPayloadKeys(String eventId) {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            Sql.column(owner, "select set_config('app.org_id', ?, true)", admin.organizationId().toString());
            String stored = String.valueOf(Sql.column(owner, "select payload::text from events where event_id = ?", eventId).get(0));
            owner.rollback();
            return stored;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface OwnerWork {
        void run(Connection owner) throws Exception;
    }

    private void withOrg(OwnerWork work) throws Exception {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            Sql.column(owner, "select set_config('app.org_id', ?, true)", admin.organizationId().toString());
            work.run(owner);
            owner.commit();
        }
    }
}
