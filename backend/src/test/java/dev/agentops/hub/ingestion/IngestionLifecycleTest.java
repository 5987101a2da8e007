package dev.agentops.hub.ingestion;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Agent, key, pieces of runs over HTTP, workers, read back — with costs checked against hand-computed values. */
@MicronautTest(transactional = false)
class IngestionLifecycleTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;
    Ingest ingest;
    String agentSlug;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        admin = api.signup();
        agentSlug = api.post("/api/v1/agents", Map.of("name", "Research agent"), admin.accessToken()).data().get("slug").toString();
        ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
    }

    @Test
    void aRunSentInPiecesMergesIntoOneWithExactCostsAndRetriesCountNothingTwice() {
        String runId = UUID.randomUUID().toString();
        // Inside the agent list's 24 h window whatever the date: that window is relative to the server's clock.
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var accepted = ingest.send(Map.of("run_id", runId, "agent_id", agentSlug, "status", "running",
            "start_time", start.toString(), "model", "gpt-4o", "input", Map.of("question", "why?"), "tags", List.of("prod")));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).containsEntry("status", "queued").containsEntry("run_id", runId)
            .containsEntry("agent_status", "active").containsKey("id");
        ingest.waitFor(accepted.body().get("id").toString());

        Map<String, Object> events = Map.of("run_id", runId, "agent_id", agentSlug, "events", List.of(
            Map.of("event_id", "e1", "event_type", "llm_call", "timestamp", start.plusSeconds(1).toString(), "model", "gpt-4o",
                "token_usage", Map.of("prompt_tokens", 1000, "completion_tokens", 200, "prompt_tokens_details", Map.of("cached_tokens", 400))),
            Map.of("event_id", "e2", "event_type", "tool_call", "timestamp", start.plusSeconds(2).toString(), "payload", Map.of("tool", "search"))));
        ingest.sendAndWait(events);
        ingest.sendAndWait(events);
        Map<String, Object> done = ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "status", "completed",
            "end_time", start.plusMillis(3200).toString(), "output", Map.of("answer", "because")));
        assertThat(done).containsEntry("status", "processed");
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "status", "running"));

        var found = api.get("/api/v1/runs?external_reference=" + runId, admin.accessToken()).list();
        assertThat(found).hasSize(1);
        var detail = api.get("/api/v1/runs/" + found.get(0).get("id"), admin.accessToken()).data();
        @SuppressWarnings("unchecked")
        var run = (Map<String, Object>) detail.get("run");
        // e1: 600 uncached x 2.5e-6 + 400 cached x 1.25e-6 + 200 output x 1e-5 = 0.0015 + 0.0005 + 0.002
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo("0.004");
        assertThat(run).containsEntry("status", "completed").containsEntry("cost_source", "computed")
            .containsEntry("input_tokens", 1000).containsEntry("output_tokens", 200).containsEntry("cache_read_tokens", 400)
            .containsEntry("duration_ms", 3200).containsEntry("external_reference", runId)
            .containsEntry("input", Map.of("question", "why?")).containsEntry("output", Map.of("answer", "because"));
        @SuppressWarnings("unchecked")
        var storedEvents = (List<Map<String, Object>>) detail.get("events");
        assertThat(storedEvents).extracting(e -> e.get("event_id")).containsExactly("e1", "e2");
        assertThat(new BigDecimal(storedEvents.get(0).get("cost_usd").toString())).isEqualByComparingTo("0.004");

        var agents = api.get("/api/v1/agents", admin.accessToken()).list();
        assertThat(agents.get(0)).containsEntry("runs_24h", 1).containsEntry("error_rate_24h", 0.0);
        assertThat(api.get("/api/v1/events/" + run.get("id"), admin.accessToken()).list()).hasSize(2);
    }

    @Test
    void anthropicUsageWithCacheWritesIsNormalisedAndPricedPerKind() {
        String runId = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "status", "completed",
            "model", "claude-sonnet-4-5-20250929", "usage_format", "anthropic",
            "token_usage", Map.of("input_tokens", 1000, "cache_read_input_tokens", 2000, "cache_creation_input_tokens", 500,
                "cache_creation", Map.of("ephemeral_5m_input_tokens", 300, "ephemeral_1h_input_tokens", 200), "output_tokens", 100)));
        var run = api.get("/api/v1/runs?external_reference=" + runId, admin.accessToken()).list().get(0);
        // 1000 x 3e-6 + 2000 x 3e-7 + 300 x 3.75e-6 + 200 x 6e-6 + 100 x 1.5e-5 = 0.003 + 0.0006 + 0.001125 + 0.0012 + 0.0015
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo("0.007425");
        assertThat(run).containsEntry("input_tokens", 3500).containsEntry("cache_read_tokens", 2000)
            .containsEntry("cache_write_tokens", 500).containsEntry("cost_source", "computed");
        assertThat(run.get("pricing_version")).isNotNull();
        assertThat(run.get("pricing_model")).isNotNull();
    }

    @Test
    void unknownModelsAreUnpricedAndClientCostsWin() {
        String unknown = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", unknown, "agent_id", agentSlug, "model", "my-private-llm-v9",
            "token_usage", Map.of("input_tokens", 10, "output_tokens", 5)));
        var unpriced = api.get("/api/v1/runs?external_reference=" + unknown, admin.accessToken()).list().get(0);
        assertThat(unpriced.get("cost_usd")).isNull();
        assertThat(unpriced).containsEntry("cost_source", "unpriced");

        String provided = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", provided, "agent_id", agentSlug, "model", "gpt-4o", "cost_usd", 0.5,
            "token_usage", Map.of("input_tokens", 1000, "output_tokens", 1000)));
        var run = api.get("/api/v1/runs?external_reference=" + provided, admin.accessToken()).list().get(0);
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo("0.5");
        assertThat(run).containsEntry("cost_source", "provided");
    }

    @Test
    void fiftyConcurrentIdenticalRequestsStoreOneRun() throws Exception {
        String runId = UUID.randomUUID().toString();
        Map<String, Object> piece = Map.of("run_id", runId, "agent_id", agentSlug, "status", "completed", "model", "gpt-4o",
            "events", List.of(Map.of("event_id", "only", "event_type", "llm_call", "timestamp", Instant.now().minusSeconds(60).toString(),
                "token_usage", Map.of("input_tokens", 100, "output_tokens", 10))));
        CountDownLatch start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit((Callable<Api.Response>) () -> {
                    start.await();
                    return ingest.send(piece);
                }));
            }
            start.countDown();
            for (Future<Api.Response> future : futures) {
                Api.Response response = future.get();
                assertThat(response.status()).isEqualTo(202);
                ingest.waitFor(response.body().get("id").toString());
            }
        } finally {
            pool.shutdownNow();
        }
        var runs = api.get("/api/v1/runs?external_reference=" + runId, admin.accessToken()).list();
        assertThat(runs).hasSize(1);
        // 100 x 2.5e-6 + 10 x 1e-5
        assertThat(new BigDecimal(runs.get(0).get("cost_usd").toString())).isEqualByComparingTo("0.00035");
        assertThat(runs.get(0)).containsEntry("input_tokens", 100);
        assertThat(api.get("/api/v1/events/" + runs.get(0).get("id"), admin.accessToken()).list()).hasSize(1);
    }

    @Test
    void pausedAgentsStillRecordAndTheAnswerSaysPaused() {
        String agentId = api.get("/api/v1/agents", admin.accessToken()).list().get(0).get("id").toString();
        assertThat(api.post("/api/v1/controls/pause-agent/" + agentId, Map.of("reason", "runaway loop"), admin.accessToken()).status())
            .isEqualTo(200);
        String runId = UUID.randomUUID().toString();
        var accepted = ingest.send(Map.of("run_id", runId, "agent_id", agentId));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).containsEntry("agent_status", "paused").containsEntry("halted", false)
            .containsEntry("paused_reason", "runaway loop");
        ingest.waitFor(accepted.body().get("id").toString());
        assertThat(api.get("/api/v1/runs?external_reference=" + runId, admin.accessToken()).list()).hasSize(1);
    }

    @Test
    void runFiltersAndKeysetPagingWork() {
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 3; i++) {
            ingest.sendAndWait(Map.of("run_id", "page-" + i, "agent_id", agentSlug, "status", i == 0 ? "failed" : "completed",
                "start_time", base.plus(i, ChronoUnit.HOURS).toString(), "tags", List.of(i == 2 ? "special" : "plain"), "error", i == 0 ? "timeout calling tool" : ""));
        }
        var page1 = api.get("/api/v1/runs?limit=2", admin.accessToken());
        assertThat(page1.list()).extracting(r -> r.get("external_reference")).containsExactly("page-2", "page-1");
        @SuppressWarnings("unchecked")
        String cursor = ((Map<String, Object>) page1.body().get("page")).get("next_cursor").toString();
        assertThat(api.get("/api/v1/runs?limit=2&cursor=" + cursor, admin.accessToken()).list())
            .extracting(r -> r.get("external_reference")).containsExactly("page-0");
        assertThat(api.get("/api/v1/runs?status=failed", admin.accessToken()).list()).hasSize(1);
        assertThat(api.get("/api/v1/runs?tag=special", admin.accessToken()).list()).hasSize(1);
        assertThat(api.get("/api/v1/runs?q=timeout", admin.accessToken()).list()).hasSize(1);
        assertThat(api.get("/api/v1/runs?from=" + base.plus(1, ChronoUnit.HOURS) + "&to=" + base.plus(2, ChronoUnit.HOURS), admin.accessToken()).list()).hasSize(1);
        assertThat(api.get("/api/v1/runs?status=weird", admin.accessToken()).code()).isEqualTo("validation_failed");
    }
}
