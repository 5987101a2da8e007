package dev.agentops.hub.ingestion;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs of a model that had no price are unpriced; once the organization adds the price, re-pricing gives them the
 * cost a new run would get (its own usage and its events') and the cost figures, read from the hourly rollups,
 * follow in the same transaction.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class RepriceApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    private final Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void repricingAfterAddingAPriceCostsTheRunsAndCorrectsTheRollups() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        agentWithUnpricedRun(api, admin, "unpriced-1");
        assertThat(figures(api, admin)).containsEntry("unpriced_runs", 1);

        addPrice(api, admin);
        var result = reprice(api, admin, Map.of("only_unpriced", true));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data()).containsEntry("repriced", 1).containsEntry("changed", 1).containsEntry("more", false);

        Map<String, Object> run = api.get("/api/v1/runs?external_reference=unpriced-1", admin.accessToken()).list().get(0);
        // own usage 1000 in + 500 out, event 2000 in: 0.001 + 0.001 + 0.002
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo("0.004");
        assertThat(run).containsEntry("cost_source", "computed");
        var detail = api.get("/api/v1/runs/" + run.get("id"), admin.accessToken()).data();
        Map<String, Object> event = ((List<Map<String, Object>>) detail.get("events")).get(0);
        assertThat(new BigDecimal(event.get("cost_usd").toString())).isEqualByComparingTo("0.002");
        Map<String, Object> total = figures(api, admin);
        assertThat(total).containsEntry("unpriced_runs", 0).containsEntry("runs", 1);
        assertThat(new BigDecimal(total.get("cost_usd").toString())).isEqualByComparingTo("0.004");

        var again = reprice(api, admin, Map.of());
        assertThat(again.data()).as("nothing changes twice").containsEntry("repriced", 1).containsEntry("changed", 0);
        assertThat(new BigDecimal(figures(api, admin).get("cost_usd").toString())).isEqualByComparingTo("0.004");
    }

    @Test
    void aBoundedCallSaysMoreRemainAndTheCursorContinues() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        Ingest ingest = agentWithUnpricedRun(api, admin, "first");
        ingest.sendAndWait(unpricedRun("second", start.plusSeconds(60)));
        addPrice(api, admin);

        var first = reprice(api, admin, Map.of("max_runs", 1));
        assertThat(first.data()).containsEntry("repriced", 1).containsEntry("more", true);
        var second = reprice(api, admin, Map.of("max_runs", 1, "cursor", first.data().get("next_cursor")));
        assertThat(second.data()).containsEntry("repriced", 1).containsEntry("more", false).containsEntry("next_cursor", null);
        assertThat(figures(api, admin)).containsEntry("unpriced_runs", 0).containsEntry("runs", 2);
    }

    @Test
    void badRangesAreRefusedAndOnlyAdminsMayReprice() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        var backwards = api.post("/api/v1/pricing/reprice", Map.of("from", start.toString(), "to", start.minusSeconds(1).toString()),
            admin.accessToken());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("validation_failed");
        var missing = api.post("/api/v1/pricing/reprice", Map.of("from", start.toString()), admin.accessToken());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("validation_failed");
        var lead = api.post("/api/v1/pricing/reprice", Map.of("from", start.toString(), "to", Instant.now().toString()),
            api.member(admin, "team_lead").accessToken());
        assertThat(lead.status()).isEqualTo(403);
        assertThat(lead.code()).isEqualTo("forbidden");
    }

    @Test
    void anotherOrganizationsRepricingTouchesNoneOfOurRuns() {
        Api api = new Api(client);
        Api.Session adminA = api.signup();
        agentWithUnpricedRun(api, adminA, "a-run");
        addPrice(api, adminA);

        Api.Session adminB = api.signup();
        var byB = reprice(api, adminB, Map.of());
        assertThat(byB.data()).containsEntry("repriced", 0);
        assertThat(api.get("/api/v1/runs?external_reference=a-run", adminA.accessToken()).list().get(0))
            .containsEntry("cost_source", "unpriced");
    }

    private Ingest agentWithUnpricedRun(Api api, Api.Session admin, String runId) {
        api.post("/api/v1/agents", Map.of("name", "Pricey", "slug", "pricey"), admin.accessToken());
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
        ingest.sendAndWait(unpricedRun(runId, start));
        return ingest;
    }

    private static Map<String, Object> unpricedRun(String runId, Instant at) {
        return Map.of("run_id", runId, "agent_id", "pricey", "status", "completed", "model", "acme-llm-1",
            "start_time", at.toString(), "end_time", at.plusSeconds(3).toString(),
            "token_usage", Map.of("input_tokens", 1000, "output_tokens", 500),
            "events", List.of(Map.of("event_id", "call-1", "event_type", "llm_call", "timestamp", at.plusSeconds(1).toString(),
                "token_usage", Map.of("input_tokens", 2000, "output_tokens", 0))));
    }

    private static void addPrice(Api api, Api.Session admin) {
        var created = api.post("/api/v1/pricing/models", Map.of("model", "acme-llm-1", "effective_from", "2020-01-01",
            "prices", Map.of("input", "0.000001", "output", "0.000002")), admin.accessToken());
        assertThat(created.status()).isEqualTo(201);
    }

    private Api.Response reprice(Api api, Api.Session admin, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("from", start.minus(1, ChronoUnit.HOURS).toString(),
            "to", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        body.putAll(extra);
        return api.post("/api/v1/pricing/reprice", body, admin.accessToken());
    }

    private Map<String, Object> figures(Api api, Api.Session admin) {
        var summary = api.get("/api/v1/costs/summary?from=" + start.minus(1, ChronoUnit.DAYS) + "&to="
            + Instant.now().plus(1, ChronoUnit.DAYS), admin.accessToken()).data();
        return (Map<String, Object>) summary.get("total");
    }
}
