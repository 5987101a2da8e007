package dev.agentops.hub.dashboards;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both dashboards against runs ingested over HTTP, with exact expected numbers. */
@MicronautTest(transactional = false)
class DashboardApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void homeAndAgentDashboardsReportExactFigures() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String alpha = api.post("/api/v1/agents", Map.of("name", "Alpha", "slug", "alpha"), admin.accessToken()).data().get("id").toString();
        api.post("/api/v1/agents", Map.of("name", "Beta", "slug", "beta"), admin.accessToken());
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
        // range 2026-11-20T10:00..12:00: alpha 3 runs (1 failed) in hour 10, beta 1 run in hour 11; one alpha run before
        ingest.sendAndWait(run("a1", "alpha", "completed", "2026-11-20T10:05:00Z", "2026-11-20T10:05:01Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(run("a2", "alpha", "failed", "2026-11-20T10:10:00Z", "2026-11-20T10:10:02Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(run("a3", "alpha", "completed", "2026-11-20T10:20:00Z", "2026-11-20T10:20:04Z", "gpt-4o-mini", 1000, 100));
        ingest.sendAndWait(run("b1", "beta", "completed", "2026-11-20T11:30:00Z", "2026-11-20T11:30:01Z", "gpt-4o", 2000, 0));
        ingest.sendAndWait(run("a0", "alpha", "completed", "2026-11-20T09:30:00Z", "2026-11-20T09:30:01Z", "gpt-4o", 1000, 100));

        var home = api.get("/api/v1/dashboard/home?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z", admin.accessToken()).data();
        assertThat((Map<String, Object>) home.get("range")).containsEntry("bucket", "hour");
        var kpis = (Map<String, Object>) home.get("kpis");
        assertThat(kpis).containsEntry("runs", 4).containsEntry("errors", 1).containsEntry("error_rate", 0.25).containsEntry("active_agents", 2);
        // gpt-4o 1000 in + 100 out = 0.0025 + 0.001 = 0.0035 (x2); gpt-4o-mini 1000 x 1.5e-7 + 100 x 6e-7 = 0.00021; beta 2000 x 2.5e-6 = 0.005
        assertThat(new BigDecimal(kpis.get("cost_usd").toString())).isEqualByComparingTo("0.01221");
        var previous = (Map<String, Object>) kpis.get("previous");
        assertThat(previous).containsEntry("runs", 1).containsEntry("errors", 0);
        var series = (List<Map<String, Object>>) home.get("series");
        assertThat(series).extracting(p -> p.get("bucket")).containsExactly("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z");
        assertThat(series).extracting(p -> p.get("runs")).containsExactly(3, 1);
        assertThat(series).extracting(p -> p.get("errors")).containsExactly(1, 0);
        var top = (List<Map<String, Object>>) home.get("top_agents");
        assertThat(top).extracting(a -> a.get("name")).containsExactly("Alpha", "Beta");
        assertThat(top.get(0)).containsEntry("runs", 3);
        assertThat(((Number) top.get(0).get("error_rate")).doubleValue()).isEqualTo(1.0 / 3);
        var byModel = (List<Map<String, Object>>) home.get("cost_by_model");
        assertThat(byModel).extracting(m -> m.get("model")).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(new BigDecimal(byModel.get(0).get("cost_usd").toString())).isEqualByComparingTo("0.012");

        var failedOnly = api.get("/api/v1/dashboard/home?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z&status=failed", admin.accessToken()).data();
        assertThat(((List<Map<String, Object>>) failedOnly.get("series"))).extracting(p -> p.get("runs")).containsExactly(1, 0);
        var alphaOnly = api.get("/api/v1/dashboard/home?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z&agent_id=" + alpha, admin.accessToken()).data();
        assertThat((Map<String, Object>) alphaOnly.get("kpis")).containsEntry("runs", 3);

        var agent = api.get("/api/v1/dashboard/agent/" + alpha + "?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z", admin.accessToken()).data();
        var points = (List<Map<String, Object>>) agent.get("series");
        assertThat(points.get(0)).containsEntry("runs", 3).containsEntry("errors", 1);
        // durations 1000, 2000, 4000 ms: p50 lies in the bucket of 2000 ms (width 30 %), p95 in that of 4000 ms
        assertThat(((Number) points.get(0).get("latency_p50_ms")).longValue()).isBetween(1700L, 2300L);
        assertThat(((Number) points.get(0).get("latency_p95_ms")).longValue()).isBetween(3400L, 4600L);
        assertThat(points.get(1).get("latency_p50_ms")).as("no finished run: a gap, not a zero").isNull();
        assertThat(points.get(1)).containsEntry("runs", 0);
        assertThat((Map<String, Object>) agent.get("agent")).containsEntry("slug", "alpha");

        var week = api.get("/api/v1/dashboard/home?from=2026-11-14T00:00:00Z&to=2026-11-21T00:00:00Z", admin.accessToken()).data();
        assertThat((Map<String, Object>) week.get("range")).containsEntry("bucket", "day");
        assertThat((List<?>) week.get("series")).hasSize(7);
        assertThat(((Map<String, Object>) week.get("kpis"))).containsEntry("runs", 5);
    }

    @Test
    void badRangesAndOtherOrganizationsAreRefused() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String agent = api.post("/api/v1/agents", Map.of("name", "Mine"), admin.accessToken()).data().get("id").toString();
        assertThat(api.get("/api/v1/dashboard/home?from=2026-11-20T12:00:00Z&to=2026-11-20T10:00:00Z", admin.accessToken()).code())
            .isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/dashboard/home?status=lost", admin.accessToken()).code()).isEqualTo("validation_failed");
        Api.Session other = api.signup();
        assertThat(api.get("/api/v1/dashboard/agent/" + agent, other.accessToken()).status()).isEqualTo(404);
        var otherHome = api.get("/api/v1/dashboard/home?agent_id=" + agent, other.accessToken()).data();
        @SuppressWarnings("unchecked")
        var kpis = (Map<String, Object>) otherHome.get("kpis");
        assertThat(kpis).containsEntry("runs", 0);
        assertThat(api.get("/api/v1/dashboard/home", null).status()).isEqualTo(401);
    }

    private static Map<String, Object> run(String id, String agent, String status, String start, String end, String model,
                                           int input, int output) {
        return Map.of("run_id", id, "agent_id", agent, "status", status, "start_time", start, "end_time", end, "model", model,
            "token_usage", Map.of("input_tokens", input, "output_tokens", output));
    }
}
