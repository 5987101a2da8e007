package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sees the organization's failed ingest jobs with their reason and puts them back in the queue, one or all;
 * a requeued job is processed like a new one. Workers are off so that the test decides when a batch runs; a job's
 * attempts are used up by hand (what five failed batches would leave).
 */
@MicronautTest(transactional = false)
class FailedJobsApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject IngestWorker worker;
    @Inject LookupTransactions lookups;
    @Inject Jdbc jdbc;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.ingest.workers-enabled", "false");
    }

    @Test
    void anAdminListsAFailedJobAndRequeuesItAndTheWorkerStoresItsRun() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Flaky", "slug", "flaky"), admin.accessToken());
        String key = api.apiKey(admin, "ingest", "read");
        String job = queued(api, key, "flaky-1");
        exhaustAttempts(job);

        var failed = api.get("/api/v1/ingest/jobs?status=failed", admin.accessToken());
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.list()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("id", job).containsEntry("status", "failed").containsEntry("attempts", 5);
            assertThat(row.get("error").toString()).contains("will retry");
            assertThat(row.get("received_at")).isNotNull();
        });
        assertThat(worker.processBatch(100)).as("a failed job is not claimed").isZero();

        var requeued = api.post("/api/v1/ingest/jobs/" + job + "/requeue", null, admin.accessToken());
        assertThat(requeued.status()).isEqualTo(200);
        assertThat(requeued.data()).containsEntry("status", "queued").containsEntry("attempts", 0);
        assertThat(worker.processBatch(100)).isEqualTo(1);
        assertThat(api.get("/api/v1/ingest/jobs/" + job, key).data()).containsEntry("status", "processed");
        assertThat(api.get("/api/v1/runs?external_reference=flaky-1", admin.accessToken()).list()).hasSize(1);
        assertThat(api.get("/api/v1/ingest/jobs?status=failed", admin.accessToken()).list()).isEmpty();

        var again = api.post("/api/v1/ingest/jobs/" + job + "/requeue", null, admin.accessToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("job_not_failed");
        var audit = api.get("/api/v1/audit-logs?action=ingest_job.requeued", admin.accessToken()).list();
        assertThat(audit).extracting(row -> row.get("entity_id")).contains(job);
    }

    @Test
    void requeueingAllFailedJobsSaysHowManyAndHowManyRemain() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Flaky", "slug", "flaky"), admin.accessToken());
        String key = api.apiKey(admin, "ingest", "read");
        for (int i = 0; i < 3; i++) {
            exhaustAttempts(queued(api, key, "bulk-" + i));
        }
        var page = api.get("/api/v1/ingest/jobs?status=failed&limit=2", admin.accessToken());
        assertThat(page.list()).hasSize(2);
        @SuppressWarnings("unchecked")
        String cursor = ((Map<String, Object>) page.body().get("page")).get("next_cursor").toString();
        assertThat(api.get("/api/v1/ingest/jobs?status=failed&limit=2&cursor=" + cursor, admin.accessToken()).list()).hasSize(1);

        var all = api.post("/api/v1/ingest/jobs/requeue", Map.of("status", "failed"), admin.accessToken());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.data()).containsEntry("requeued", 3).containsEntry("remaining", 0);
        while (worker.processBatch(100) > 0) {
            // drain
        }
        assertThat(api.get("/api/v1/runs?limit=10", admin.accessToken()).list()).hasSize(3);
    }

    @Test
    void badInputIsRefusedWithAnActionableCode() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        var queuedList = api.get("/api/v1/ingest/jobs?status=queued", admin.accessToken());
        assertThat(queuedList.status()).isEqualTo(400);
        assertThat(queuedList.code()).isEqualTo("validation_failed");
        var wrongStatus = api.post("/api/v1/ingest/jobs/requeue", Map.of("status", "queued"), admin.accessToken());
        assertThat(wrongStatus.status()).isEqualTo(400);
        assertThat(wrongStatus.code()).isEqualTo("validation_failed");
        var unknown = api.post("/api/v1/ingest/jobs/" + UUID.randomUUID() + "/requeue", null, admin.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
    }

    @Test
    void anotherOrganizationCannotSeeOrRequeueTheJobs() {
        Api api = new Api(client);
        Api.Session adminA = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Flaky", "slug", "flaky"), adminA.accessToken());
        String job = queued(api, api.apiKey(adminA, "ingest"), "a-1");
        exhaustAttempts(job);

        Api.Session adminB = api.signup();
        assertThat(api.get("/api/v1/ingest/jobs?status=failed", adminB.accessToken()).list()).isEmpty();
        var requeue = api.post("/api/v1/ingest/jobs/" + job + "/requeue", null, adminB.accessToken());
        assertThat(requeue.status()).isEqualTo(404);
        assertThat(requeue.code()).isEqualTo("not_found");
        assertThat(api.post("/api/v1/ingest/jobs/requeue", Map.of("status", "failed"), adminB.accessToken()).data())
            .containsEntry("requeued", 0);
        assertThat(api.get("/api/v1/ingest/jobs?status=failed", adminA.accessToken()).list()).hasSize(1);
    }

    private static String queued(Api api, String key, String runId) {
        var accepted = api.post("/api/v1/ingest/run", Map.of("run_id", runId, "agent_id", "flaky", "status", "completed"), key);
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.body().get("id").toString();
    }

    private void exhaustAttempts(String job) {
        lookups.write(Door.INGEST, "on", () -> jdbc.update("""
            update ingest_queue set status = 'failed', attempts = 5,
                   last_error = 'processing failed (DataAccessFailure); will retry' where id = ?""", UUID.fromString(job)));
    }
}
