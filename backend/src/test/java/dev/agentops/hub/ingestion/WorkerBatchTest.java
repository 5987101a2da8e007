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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workers are off here, so the tests drive the batches: a batch that dies after merging (its transaction rolls
 * back, as when the process is killed before commit) leaves every job queued and no run written, and the next batch
 * processes each job exactly once; a job that cannot be processed fails visibly while the rest of its batch is
 * stored; several pieces of one run in one batch merge in arrival order and count once; two workers creating the
 * same new run at once end with one run.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class WorkerBatchTest extends AppTest {

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

    @Test
    void aJobThatCannotBeProcessedFailsVisiblyWithoutHoldingBackTheOthers() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Mixed", "slug", "mixed"), admin.accessToken());
        String key = api.apiKey(admin, "ingest", "read");
        send(api, key, Map.of("run_id", "good-1", "agent_id", "mixed", "status", "completed"));
        java.util.UUID broken = java.util.UUID.randomUUID();
        lookups.write(Door.INGEST, "on", () -> {
            queue.insert(List.of(new IngestQueue.Pending(broken, admin.organizationId(), null, "{not json")));
            return null;
        });
        send(api, key, Map.of("run_id", "good-2", "agent_id", "mixed", "status", "completed"));

        assertThat(worker.processBatch(100)).isEqualTo(3);

        assertThat(api.get("/api/v1/runs", admin.accessToken()).list()).extracting(run -> run.get("external_reference"))
            .containsExactlyInAnyOrder("good-1", "good-2");
        var job = api.get("/api/v1/ingest/jobs/" + broken, key).data();
        assertThat(job).containsEntry("status", "failed").containsEntry("attempts", 1);
        assertThat(job.get("error").toString()).contains("stored payload could not be read");
        assertThat(worker.processBatch(100)).as("a failed job is not claimed again").isZero();
    }

    @Test
    void piecesOfOneRunInOneBatchMergeInArrivalOrderAndCountOnce() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Batcher", "slug", "batcher"), admin.accessToken());
        String key = api.apiKey(admin, "ingest", "read");
        send(api, key, Map.of("run_id", "pieces", "agent_id", "batcher", "status", "running",
            "start_time", "2026-11-25T10:00:00Z", "events", List.of(event("e1", "first"))));
        send(api, key, Map.of("run_id", "other", "agent_id", "batcher", "status", "completed",
            "start_time", "2026-11-25T10:00:00Z", "end_time", "2026-11-25T10:00:01Z", "cost_usd", 0.5));
        send(api, key, Map.of("run_id", "pieces", "agent_id", "batcher",
            "events", List.of(event("e1", "second write of e1"), event("e2", "more"))));
        send(api, key, Map.of("run_id", "pieces", "agent_id", "batcher", "status", "completed",
            "end_time", "2026-11-25T10:00:02Z", "cost_usd", 0.25));

        assertThat(worker.processBatch(100)).isEqualTo(4);
        assertThat(worker.processBatch(100)).as("one batch took every piece").isZero();

        Map<String, Object> run = api.get("/api/v1/runs?external_reference=pieces", admin.accessToken()).list().get(0);
        assertThat(run).containsEntry("status", "completed").containsEntry("duration_ms", 2000);
        var detail = api.get("/api/v1/runs/" + run.get("id"), admin.accessToken()).data();
        List<Map<String, Object>> events = (List<Map<String, Object>>) detail.get("events");
        assertThat(events).extracting(e -> e.get("event_id")).containsExactly("e1", "e2");
        assertThat(events.get(0).get("payload")).isEqualTo(Map.of("note", "first"));
        assertThat(runsToday(api, admin)).as("the rollup counts two runs, not four pieces").isEqualTo(2);
    }

    @Test
    void aRunWhoseEventsCameBeforeItsStatusInOneBatchEndsWithTheStatus() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Splitter", "slug", "splitter"), admin.accessToken());
        String key = api.apiKey(admin, "ingest", "read");
        // an OpenTelemetry trace exported in pieces: children first, then the root span, then all of it again
        List<Map<String, Object>> children = List.of(event("chat", "first"), event("tool", "second"));
        send(api, key, Map.of("run_id", "split", "agent_id", "splitter", "events", children));
        send(api, key, Map.of("run_id", "split", "agent_id", "splitter", "status", "failed", "error", "refused",
            "start_time", "2026-11-25T10:00:00Z", "end_time", "2026-11-25T10:00:05Z", "metadata", Map.of("root", "agent")));
        send(api, key, Map.of("run_id", "split", "agent_id", "splitter", "status", "failed", "error", "refused",
            "start_time", "2026-11-25T10:00:00Z", "end_time", "2026-11-25T10:00:05Z", "events", children));
        send(api, key, Map.of("run_id", "split", "agent_id", "splitter", "events", children.subList(1, 2)));

        assertThat(worker.processBatch(100)).isEqualTo(4);

        Map<String, Object> run = api.get("/api/v1/runs?external_reference=split", admin.accessToken()).list().get(0);
        assertThat(run).containsEntry("status", "failed").containsEntry("error", "refused").containsEntry("duration_ms", 5000);
    }

    @Test
    void twoWorkersCreatingTheSameRunAtOnceMergeIntoOne() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Racer", "slug", "racer"), admin.accessToken());
        String key = api.apiKey(admin, "ingest", "read");
        send(api, key, Map.of("run_id", "race", "agent_id", "racer", "start_time", "2026-11-25T10:00:00Z",
            "events", List.of(event("a", "from the first worker"))));
        send(api, key, Map.of("run_id", "race", "agent_id", "racer", "status", "failed", "end_time", "2026-11-25T10:00:03Z",
            "events", List.of(event("b", "from the second worker"))));

        CountDownLatch firstMerged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> lookups.write(Door.INGEST, "on", () -> {
            IngestQueue.Job job = queue.claim(1).get(0);
            RunMerger.Merged merged = tenants.inCurrentTransaction(job.organizationId(),
                () -> merger.merge(job.organizationId(), List.of(read(job))));
            queue.complete(List.of(job), List.of(merged.changes().get(0).runId()));
            tenants.inCurrentTransaction(job.organizationId(), () -> {
                merger.applyShared(job.organizationId(), merged);
                return null;
            });
            firstMerged.countDown();
            await(release);
            return null;
        }));
        assertThat(firstMerged.await(10, TimeUnit.SECONDS)).isTrue();
        // the second worker finds no stored run (the first one's insert is not committed), tries to insert it and
        // waits on the first worker's row
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> worker.processBatch(10));
        Thread.sleep(300);
        assertThat(second).as("waits for the first worker's insert").isNotDone();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);

        List<Map<String, Object>> runs = api.get("/api/v1/runs?external_reference=race", admin.accessToken()).list();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("status", "failed").containsEntry("duration_ms", 3000);
        var detail = api.get("/api/v1/runs/" + runs.get(0).get("id"), admin.accessToken()).data();
        assertThat((List<Map<String, Object>>) detail.get("events")).extracting(e -> e.get("event_id")).containsExactly("a", "b");
        assertThat(runsToday(api, admin)).isEqualTo(1);
    }

    private static Map<String, Object> event(String id, String note) {
        return Map.of("event_id", id, "event_type", "log", "timestamp", "2026-11-25T10:00:00.500Z", "payload", Map.of("note", note));
    }

    private static void send(Api api, String key, Map<String, Object> piece) {
        assertThat(api.post("/api/v1/ingest/run", piece, key).status()).isEqualTo(202);
    }

    private static Object runsToday(Api api, Api.Session admin) {
        var home = api.get("/api/v1/dashboard/home?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z", admin.accessToken()).data();
        return ((Map<String, Object>) home.get("kpis")).get("runs");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private QueuedRun read(IngestQueue.Job job) {
        try {
            return json.readValue(job.payload(), QueuedRun.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
