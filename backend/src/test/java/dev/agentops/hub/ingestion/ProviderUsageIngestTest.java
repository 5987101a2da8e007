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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider usage objects through real ingest: priced when recognised, never $0 when not (issue #18). */
@MicronautTest(transactional = false)
class ProviderUsageIngestTest extends AppTest {

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
        agentSlug = api.post("/api/v1/agents", Map.of("name", "Usage agent"), admin.accessToken()).data().get("slug").toString();
        ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
    }

    @Test
    void geminiUsageMetadataWithoutAHintIsPricedWithThinkingAsOutput() {
        String runId = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "status", "completed", "model", "gemini-2.5-flash",
            "token_usage", Map.of("promptTokenCount", 4223, "candidatesTokenCount", 312, "totalTokenCount", 5678,
                "cachedContentTokenCount", 4096, "thoughtsTokenCount", 1143)));

        Map<String, Object> run = runByReference(runId);
        // 127 uncached × 3e-7 + 4096 cached × 3e-8 + 312 × 2.5e-6 + 1143 thoughts × 2.5e-6
        // = 0.0000381 + 0.00012288 + 0.00078 + 0.0028575
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo("0.00379848");
        assertThat(run).containsEntry("cost_source", "computed").containsEntry("input_tokens", 4223)
            .containsEntry("output_tokens", 1455).containsEntry("reasoning_tokens", 1143)
            .containsEntry("cache_read_tokens", 4096).containsEntry("usage_unrecognized_keys", List.of());
    }

    @Test
    void anUnrecognisedRunUsageIsStoredUnpricedWithItsKeysAndStaysSoAcrossPieces() {
        String runId = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "status", "running", "model", "gpt-4o",
            "token_usage", Map.of("tokens_in", 1200, "tokens_out", 300)));
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "status", "completed"));

        Map<String, Object> run = runByReference(runId);
        assertThat(run.get("cost_usd")).isNull();
        assertThat(run).containsEntry("cost_source", "usage_unrecognized").containsEntry("status", "completed")
            .containsEntry("usage_unrecognized_keys", List.of("tokens_in", "tokens_out"))
            .containsEntry("input_tokens", 0).containsEntry("output_tokens", 0);
    }

    @Test
    void anUnrecognisedEventUsageLeavesItsRunUnpricedAndAMixedOneIsPricedAndFlagged() {
        String runId = UUID.randomUUID().toString();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "status", "completed", "model", "gpt-4o",
            "start_time", start.toString(), "events", List.of(
                Map.of("event_id", "mixed", "event_type", "llm_call", "timestamp", start.plusSeconds(1).toString(),
                    "token_usage", Map.of("prompt_tokens", 1000, "completion_tokens", 200, "image_units", 2)),
                Map.of("event_id", "unknown", "event_type", "llm_call", "timestamp", start.plusSeconds(2).toString(),
                    "token_usage", Map.of("total", 900, "units", Map.of("in", 800, "out", 100))))));

        Map<String, Object> run = runByReference(runId);
        assertThat(run.get("cost_usd")).isNull();
        assertThat(run).containsEntry("cost_source", "usage_unrecognized").containsEntry("usage_unrecognized_keys", List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) api.get("/api/v1/runs/" + run.get("id"),
            admin.accessToken()).data().get("events");
        Map<String, Object> mixed = events.get(0);
        Map<String, Object> unknown = events.get(1);
        // 1000 × 2.5e-6 + 200 × 1e-5 = 0.0025 + 0.002
        assertThat(new BigDecimal(mixed.get("cost_usd").toString())).isEqualByComparingTo("0.0045");
        assertThat(mixed).containsEntry("cost_source", "computed").containsEntry("usage_unrecognized_keys", List.of("image_units"));
        assertThat(unknown.get("cost_usd")).isNull();
        assertThat(unknown).containsEntry("cost_source", "usage_unrecognized")
            .containsEntry("usage_unrecognized_keys", List.of("total", "units.in", "units.out"));
    }

    @Test
    void aWrongHintIsUnrecognisedRatherThanZero() {
        String runId = UUID.randomUUID().toString();
        ingest.sendAndWait(Map.of("run_id", runId, "agent_id", agentSlug, "model", "gpt-4o", "usage_format", "cohere",
            "token_usage", Map.of("prompt_tokens", 1000, "completion_tokens", 200)));

        Map<String, Object> run = runByReference(runId);
        assertThat(run.get("cost_usd")).isNull();
        assertThat(run).containsEntry("cost_source", "usage_unrecognized")
            .containsEntry("usage_unrecognized_keys", List.of("completion_tokens", "prompt_tokens"));
    }

    private Map<String, Object> runByReference(String runId) {
        return api.get("/api/v1/runs?external_reference=" + runId, admin.accessToken()).list().get(0);
    }
}
