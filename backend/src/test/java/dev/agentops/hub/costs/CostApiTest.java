package dev.agentops.hub.costs;

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

import static dev.agentops.hub.costs.CostsFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The cost views against runs ingested over HTTP, with exact expected figures. */
@MicronautTest(transactional = false)
class CostApiTest extends AppTest {

    private static final String RANGE = "from=2026-11-20T00:00:00Z&to=2026-11-22T00:00:00Z";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        // the shared build machine is often saturated: a slow answer is not what these tests are about
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryGivesTotalsAndBreakdownsWithUnpricedRunsCounted() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String alpha = agent(api, admin, "alpha", "ml");
        agent(api, admin, "beta", "ops");
        agent(api, admin, "gamma", null);
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        ingest.sendAndWait(run("a1", "alpha", "2026-11-20T10:05:00Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(run("a2", "alpha", "2026-11-21T10:05:00Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(run("a3", "alpha", "2026-11-21T11:05:00Z", "mystery-model-x", 1000, 100));
        ingest.sendAndWait(run("b1", "beta", "2026-11-20T16:30:00Z", "gpt-4o", 2000, 0));
        ingest.sendAndWait(run("g1", "gamma", "2026-11-21T09:00:00Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(run("old", "alpha", "2026-11-19T10:00:00Z", "gpt-4o", 1000, 100));

        var summary = api.get("/api/v1/costs/summary?" + RANGE, admin.accessToken()).data();
        var total = (Map<String, Object>) summary.get("total");
        // 3 x 0.0035 (gpt-4o 1000 in + 100 out) + 0.005 (2000 in) = 0.0155; the mystery model is unpriced
        assertThat(new BigDecimal(total.get("cost_usd").toString())).isEqualByComparingTo("0.0155");
        assertThat(total).containsEntry("runs", 5).containsEntry("unpriced_runs", 1).containsEntry("input_tokens", 6000);
        var byAgent = (List<Map<String, Object>>) summary.get("by_agent");
        assertThat(byAgent).extracting(a -> a.get("name")).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(byAgent.get(0)).containsEntry("team", "ml").containsEntry("agent_id", alpha);
        assertThat((Map<String, Object>) byAgent.get(0).get("figures")).containsEntry("runs", 3).containsEntry("unpriced_runs", 1);
        var byTeam = (List<Map<String, Object>>) summary.get("by_team");
        assertThat(byTeam).extracting(t -> t.get("team")).containsExactly("ml", "ops", null);
        var byModel = (List<Map<String, Object>>) summary.get("by_model");
        assertThat(byModel).extracting(m -> m.get("model")).containsExactly("gpt-4o", "mystery-model-x");
        assertThat((Map<String, Object>) byModel.get(1).get("figures")).containsEntry("unpriced_runs", 1);
        var byDay = (List<Map<String, Object>>) summary.get("by_day");
        assertThat(byDay).extracting(d -> d.get("day")).containsExactly("2026-11-20", "2026-11-21");
        assertThat(byDay).extracting(d -> ((Map<String, Object>) d.get("figures")).get("runs")).containsExactly(2, 3);
        assertThat((Map<String, Object>) summary.get("range")).containsEntry("timezone", "UTC");
        assertThat((List<?>) summary.get("budgets")).isEmpty();

        // in Tokyo (UTC+9) beta's run at 16:30 UTC falls on the 21st
        assertThat(api.call("PATCH", "/api/v1/orgs/profile", Map.of("timezone", "Asia/Tokyo"), admin.accessToken()).status()).isEqualTo(200);
        var tokyo = api.get("/api/v1/costs/summary?" + RANGE, admin.accessToken()).data();
        assertThat((List<Map<String, Object>>) tokyo.get("by_day")).extracting(d -> ((Map<String, Object>) d.get("figures")).get("runs"))
            .containsExactly(1, 4);
        assertThat((Map<String, Object>) tokyo.get("range")).containsEntry("timezone", "Asia/Tokyo");
    }

    @Test
    @SuppressWarnings("unchecked")
    void agentAndTeamViewsBreakDownByDayModelAndAgent() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String alpha = agent(api, admin, "alpha", "ml");
        agent(api, admin, "delta", "ml");
        agent(api, admin, "beta", "ops");
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        ingest.sendAndWait(run("a1", "alpha", "2026-11-20T10:05:00Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(run("a2", "alpha", "2026-11-21T10:05:00Z", "gpt-4o-mini", 1000, 100));
        ingest.sendAndWait(run("d1", "delta", "2026-11-21T10:05:00Z", "gpt-4o", 2000, 0));
        ingest.sendAndWait(run("b1", "beta", "2026-11-21T10:05:00Z", "gpt-4o", 1000, 100));

        var agent = api.get("/api/v1/costs/by-agent/" + alpha + "?" + RANGE, admin.accessToken()).data();
        assertThat(agent).containsEntry("name", "Alpha").containsEntry("team", "ml");
        // 0.0035 + gpt-4o-mini 0.00021
        assertThat(new BigDecimal(((Map<String, Object>) agent.get("total")).get("cost_usd").toString())).isEqualByComparingTo("0.00371");
        assertThat((List<Map<String, Object>>) agent.get("by_day")).hasSize(2);
        assertThat((List<Map<String, Object>>) agent.get("by_model")).extracting(m -> m.get("model")).containsExactly("gpt-4o", "gpt-4o-mini");

        var team = api.get("/api/v1/costs/by-team/ml?" + RANGE, admin.accessToken()).data();
        assertThat(team).containsEntry("team", "ml");
        assertThat((Map<String, Object>) team.get("total")).containsEntry("runs", 3);
        assertThat((List<Map<String, Object>>) team.get("agents")).extracting(a -> a.get("name")).containsExactly("Delta", "Alpha");
        assertThat((List<Map<String, Object>>) team.get("by_day")).extracting(d -> ((Map<String, Object>) d.get("figures")).get("runs"))
            .containsExactly(1, 2);

        var unknownTeam = api.get("/api/v1/costs/by-team/nobody?" + RANGE, admin.accessToken());
        assertThat(unknownTeam.status()).isEqualTo(404);
        assertThat(unknownTeam.code()).isEqualTo("not_found");
    }

    @Test
    void badRangesAreRefusedWithAMessage() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        var reversed = api.get("/api/v1/costs/summary?from=2026-11-22T00:00:00Z&to=2026-11-20T00:00:00Z", admin.accessToken());
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.code()).isEqualTo("validation_failed");
        var tooLong = api.get("/api/v1/costs/summary?from=2025-01-01T00:00:00Z&to=2026-11-20T00:00:00Z", admin.accessToken());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("validation_failed");
        var notADate = api.get("/api/v1/costs/summary?from=yesterday", admin.accessToken());
        assertThat(notADate.status()).isEqualTo(400);
        var badZone = api.call("PATCH", "/api/v1/orgs/profile", Map.of("timezone", "Mars/Olympus"), admin.accessToken());
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.code()).isEqualTo("validation_failed");
        var offset = api.call("PATCH", "/api/v1/orgs/profile", Map.of("timezone", "+02:00"), admin.accessToken());
        assertThat(offset.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/orgs/profile", admin.accessToken()).data()).containsEntry("timezone", "UTC");
        var tooLongTeam = api.get("/api/v1/costs/by-team/" + "t".repeat(101), admin.accessToken());
        assertThat(tooLongTeam.status()).isEqualTo(400);
        assertThat(tooLongTeam.code()).isEqualTo("validation_failed");
    }

    @Test
    void anotherOrganizationsAgentAndTeamAreNotFound() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String alpha = agent(api, admin, "alpha", "ml");
        Api.Session other = api.signup();
        var agent = api.get("/api/v1/costs/by-agent/" + alpha, other.accessToken());
        assertThat(agent.status()).isEqualTo(404);
        assertThat(agent.code()).isEqualTo("not_found");
        var team = api.get("/api/v1/costs/by-team/ml", other.accessToken());
        assertThat(team.status()).isEqualTo(404);
        assertThat(team.code()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/costs/by-team/ml", admin.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void costViewsNeedRunsRead() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String alpha = agent(api, admin, "alpha", "ml");
        CostsFixture.everyCaller(api, admin).forEach((caller, credential) -> {
            for (String path : List.of("/api/v1/costs/summary", "/api/v1/costs/by-agent/" + alpha, "/api/v1/costs/by-team/ml")) {
                var response = api.get(path, credential);
                assertThat(response.status()).as(caller + " GET " + path).isEqualTo(CostsFixture.expected(caller, CostsFixture.READERS, 200));
                if (response.status() >= 400) {
                    assertThat(response.code()).isIn("forbidden", "unauthenticated");
                }
            }
        });
    }

    static String agent(Api api, Api.Session admin, String slug, String team) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", Character.toUpperCase(slug.charAt(0)) + slug.substring(1), "slug", slug));
        if (team != null) {
            body.put("team", team);
        }
        var created = api.post("/api/v1/agents", body, admin.accessToken());
        assertThat(created.status()).isEqualTo(201);
        return created.data().get("id").toString();
    }
}
