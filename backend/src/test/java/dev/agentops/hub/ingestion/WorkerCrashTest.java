package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workers are off here, so the test drives them: a batch that dies after merging (its transaction rolls back, as
 * when the process is killed before commit) leaves every job queued and no run written; the next batch then
 * processes each job exactly once.
 */
@MicronautTest(transactional = false)
class WorkerCrashTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject IngestWorker worker;
    @Inject IngestQueue queue;
    @Inject RunMerger merger;
    @Inject LookupTransactions lookups;
    @Inject TenantTransactions tenants;
    @Inject io.micronaut.json.JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.ingest.workers-enabled", "false");
    }

    @Test
    void aBatchThatDiesBeforeCommitLosesAndDoublesNothing() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Crashy", "slug", "crashy"), admin.accessToken());
        String key = api.apiKey(admin, "ingest", "read");
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/ingest/run", Map.of("run_id", "crash-" + i, "agent_id", "crashy", "model", "gpt-4o",
                "events", List.of(Map.of("event_id", "e", "event_type", "llm_call", "timestamp", "2026-11-25T10:00:00Z",
                    "token_usage", Map.of("input_tokens", 1000, "output_tokens", 0)))), key).status()).isEqualTo(202);
        }

        assertThatThrownBy(() -> lookups.write(Door.INGEST, "on", () -> {
            for (IngestQueue.Job job : queue.claim(100)) {
                tenants.inCurrentTransaction(job.organizationId(), () -> merger.merge(job.organizationId(), List.of(read(job))));
                queue.complete(List.of(job), java.util.Collections.singletonList(null));
            }
            throw new IllegalStateException("worker killed before commit");
        })).hasMessageContaining("killed");
        assertThat(api.get("/api/v1/runs", admin.accessToken()).list()).isEmpty();

        int processed = 0;
        while (worker.processBatch(3) > 0) {
            processed++;
        }
        assertThat(processed).isGreaterThanOrEqualTo(4);
        var runs = api.get("/api/v1/runs?limit=50", admin.accessToken()).list();
        assertThat(runs).hasSize(10);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run).containsEntry("input_tokens", 1000);
            assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo("0.0025");
        });
    }

    private QueuedRun read(IngestQueue.Job job) {
        try {
            return json.readValue(job.payload(), QueuedRun.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
