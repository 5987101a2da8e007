package dev.agentops.hub.ingestion;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Organization B cannot ingest into, read, or learn about organization A's agents, runs, events and jobs. */
@MicronautTest(transactional = false)
class IngestCrossOrganizationTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anotherOrganizationSeesAndTouchesNothing() {
        Api api = new Api(client);
        Api.Session adminA = api.signup();
        var agentA = api.post("/api/v1/agents", Map.of("name", "A agent", "slug", "shared-slug"), adminA.accessToken()).data();
        Ingest ingestA = new Ingest(api, api.apiKey(adminA, "ingest"));
        var accepted = ingestA.send(Map.of("run_id", "a-run", "agent_id", "shared-slug", "status", "completed"));
        Map<String, Object> job = ingestA.waitFor(accepted.body().get("id").toString());
        String runA = job.get("run_id").toString();

        Api.Session adminB = api.signup();
        String keyB = api.apiKey(adminB, "ingest", "read");
        String viewerB = api.member(adminB, "viewer").accessToken();
        for (String token : List.of(adminB.accessToken(), keyB, viewerB)) {
            assertThat(api.get("/api/v1/runs/" + runA, token).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/events/" + runA, token).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/runs?external_reference=a-run", token).list()).isEmpty();
            assertThat(api.get("/api/v1/runs?agent_id=" + agentA.get("id"), token).list()).isEmpty();
            assertThat(api.get("/api/v1/ingest/jobs/" + accepted.body().get("id"), token).status()).isEqualTo(404);
        }
        var intoA = api.post("/api/v1/ingest/run", Map.of("run_id", "a-run", "agent_id", agentA.get("id").toString(),
            "status", "failed", "error", "sabotage"), keyB);
        assertThat(intoA.status()).isEqualTo(404);
        var bySlug = api.post("/api/v1/ingest/run", Map.of("run_id", "a-run", "agent_id", "shared-slug", "status", "failed"), keyB);
        assertThat(bySlug.status()).as("B has no agent with that slug").isEqualTo(404);

        var runAfter = api.get("/api/v1/runs/" + runA, adminA.accessToken()).data();
        @SuppressWarnings("unchecked")
        var run = (Map<String, Object>) runAfter.get("run");
        assertThat(run).containsEntry("status", "completed").containsEntry("error", null);
    }
}
