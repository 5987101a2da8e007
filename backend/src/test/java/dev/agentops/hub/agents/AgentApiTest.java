package dev.agentops.hub.agents;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AgentApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        admin = api.signup();
    }

    @Test
    void createsAgentsWithDerivedUniqueSlugsAndAudits() {
        var first = api.post("/api/v1/agents", Map.of("name", "Support Bot!", "type", "chat", "provider", "openai",
            "tags", List.of("prod", "support"), "config", Map.of("temperature", 0.2)), admin.accessToken());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/v1/agents/" + first.data().get("id"));
        assertThat(first.data()).containsEntry("slug", "support-bot").containsEntry("status", "active")
            .containsEntry("environment", "production").containsEntry("runs_24h", 0);
        var second = api.post("/api/v1/agents", Map.of("name", "Support bot"), admin.accessToken());
        assertThat(second.data()).containsEntry("slug", "support-bot-2");
        var explicitDuplicate = api.post("/api/v1/agents", Map.of("name", "X", "slug", "support-bot"), admin.accessToken());
        assertThat(explicitDuplicate.status()).isEqualTo(409);
        assertThat(explicitDuplicate.code()).isEqualTo("duplicate");
        assertThat(api.get("/api/v1/audit-logs?action=agent.created", admin.accessToken()).list()).hasSize(2);
    }

    @Test
    void updatesAndArchivesButKeepsTheAgent() {
        String id = api.post("/api/v1/agents", Map.of("name", "Planner"), admin.accessToken()).data().get("id").toString();
        var updated = api.call("PATCH", "/api/v1/agents/" + id, Map.of("tags", List.of("beta")), admin.accessToken());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data()).containsEntry("status", "active").containsEntry("tags", List.of("beta"))
            .containsEntry("paused_reason", null).containsEntry("pause_source", null).containsEntry("paused_by", null);
        assertThat(api.call("DELETE", "/api/v1/agents/" + id, null, admin.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/agents/" + id, admin.accessToken()).data()).containsEntry("status", "archived");
        assertThat(api.get("/api/v1/agents", admin.accessToken()).list()).isEmpty();
        assertThat(api.get("/api/v1/agents?status=archived", admin.accessToken()).list()).hasSize(1);
        var change = api.call("PATCH", "/api/v1/agents/" + id, Map.of("name", "Again"), admin.accessToken());
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.code()).isEqualTo("agent_archived");
    }

    @Test
    void patchNoLongerPausesAndPointsAtTheControlsEndpoints() {
        String id = api.post("/api/v1/agents", Map.of("name", "Pauser"), admin.accessToken()).data().get("id").toString();
        for (String status : List.of("paused", "active")) {
            var refused = api.call("PATCH", "/api/v1/agents/" + id, Map.of("status", status, "name", "Renamed"), admin.accessToken());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation_failed");
            assertThat(String.valueOf(refused.body().get("error")))
                .contains("/api/v1/controls/pause-agent/" + id).contains("/api/v1/controls/resume-agent/" + id);
        }
        assertThat(api.get("/api/v1/agents/" + id, admin.accessToken()).data())
            .as("a refused PATCH changes nothing").containsEntry("status", "active").containsEntry("name", "Pauser");
    }

    @Test
    void rejectsBadAgentsWithFieldProblems() {
        var bad = api.post("/api/v1/agents", Map.of("name", "", "slug", "Not A Slug", "tags", List.of("x".repeat(80))), admin.accessToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(String.valueOf(bad.body().get("details"))).contains("name").contains("slug").contains("tags");
        var hugeConfig = api.post("/api/v1/agents", Map.of("name", "Big", "config", Map.of("blob", "x".repeat(20_000))), admin.accessToken());
        assertThat(hugeConfig.status()).isEqualTo(400);
        assertThat(hugeConfig.code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/agents?status=sleeping", admin.accessToken()).code()).isEqualTo("validation_failed");
    }

    @Test
    void viewersReadButCannotWriteAndOtherOrganizationsSeeNothing() {
        String id = api.post("/api/v1/agents", Map.of("name", "Secret agent"), admin.accessToken()).data().get("id").toString();
        String viewer = api.member(admin, "viewer").accessToken();
        assertThat(api.get("/api/v1/agents/" + id, viewer).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/agents", Map.of("name", "No"), viewer).status()).isEqualTo(403);
        assertThat(api.call("DELETE", "/api/v1/agents/" + id, null, viewer).status()).isEqualTo(403);

        Api.Session other = api.signup();
        String otherKey = api.apiKey(other, "admin");
        for (String token : List.of(other.accessToken(), otherKey)) {
            assertThat(api.get("/api/v1/agents/" + id, token).status()).isEqualTo(404);
            assertThat(api.call("PATCH", "/api/v1/agents/" + id, Map.of("name", "Hijacked"), token).status()).isEqualTo(404);
            assertThat(api.call("DELETE", "/api/v1/agents/" + id, null, token).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/agents", token).list()).isEmpty();
        }
        assertThat(api.get("/api/v1/agents/" + id, admin.accessToken()).data())
            .containsEntry("name", "Secret agent").containsEntry("status", "active");
    }
}
