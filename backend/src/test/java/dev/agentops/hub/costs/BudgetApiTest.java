package dev.agentops.hub.costs;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class BudgetApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void createsListsUpdatesAndDeletesBudgetsThatCarryTheirCurrentStatus() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String alpha = CostApiTest.agent(api, admin, "alpha", "ml");

        var org = api.post("/api/v1/budgets", Map.of("name", "Company", "scope", "organization", "max_amount_usd", "250.5",
            "period", "monthly"), admin.accessToken());
        assertThat(org.status()).isEqualTo(201);
        assertThat(org.data()).containsEntry("scope", "organization").containsEntry("period", "monthly")
            .containsEntry("alert_thresholds", List.of(50, 80, 100)).containsEntry("channels", List.of("in_app"))
            .containsEntry("auto_pause_at_percent", null).containsEntry("max_amount_usd", 250.5);
        var status = (Map<String, Object>) org.data().get("status");
        assertThat(status).containsEntry("state", "ok").containsEntry("spent_usd", 0).containsEntry("unpriced_runs", 0);
        assertThat(status.get("period_start")).isNotNull();

        var team = api.post("/api/v1/budgets", Map.of("name", "ML", "scope", "team", "team_name", "ml", "max_amount_usd", 10,
            "period", "weekly", "alert_thresholds", List.of(120, 90), "auto_pause_at_percent", 150,
            "channels", List.of("email", "in_app")), admin.accessToken());
        assertThat(team.status()).isEqualTo(201);
        assertThat(team.data()).containsEntry("team_name", "ml").containsEntry("alert_thresholds", List.of(90, 120))
            .containsEntry("auto_pause_at_percent", 150).containsEntry("channels", List.of("email", "in_app"));
        var agent = api.post("/api/v1/budgets", Map.of("name", "Alpha", "scope", "agent", "agent_id", alpha,
            "max_amount_usd", "0.0000000001", "period", "total"), admin.accessToken());
        assertThat(agent.status()).isEqualTo(201);
        assertThat((Map<String, Object>) agent.data().get("status")).containsEntry("period_end", null).containsEntry("forecast_usd", null);

        var list = api.get("/api/v1/budgets", admin.accessToken());
        assertThat(list.list()).extracting(b -> b.get("name")).containsExactly("Company", "ML", "Alpha");
        assertThat(list.list()).allSatisfy(b -> assertThat(b.get("status")).isNotNull());

        String id = team.data().get("id").toString();
        var updated = api.call("PATCH", "/api/v1/budgets/" + id, Map.of("max_amount_usd", 20, "auto_pause_at_percent", 0,
            "period", "daily"), admin.accessToken());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(new java.math.BigDecimal(updated.data().get("max_amount_usd").toString())).isEqualByComparingTo("20");
        assertThat(updated.data()).containsEntry("auto_pause_at_percent", null)
            .containsEntry("period", "daily").containsEntry("team_name", "ml").containsEntry("name", "ML");
        assertThat(api.get("/api/v1/budgets/" + id, admin.accessToken()).data()).containsEntry("period", "daily");
        assertThat(api.get("/api/v1/budgets/" + id + "/alerts", admin.accessToken()).list()).isEmpty();

        assertThat(api.call("DELETE", "/api/v1/budgets/" + id, null, admin.accessToken()).status()).isEqualTo(204);
        var gone = api.get("/api/v1/budgets/" + id, admin.accessToken());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("not_found");
        var audit = api.get("/api/v1/audit-logs?entity_type=budget", admin.accessToken()).list();
        assertThat(audit).extracting(a -> a.get("action")).contains("budget.created", "budget.updated", "budget.deleted");
    }

    @Test
    void refusesBadBudgetsWithActionableErrors() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        Api.Session other = api.signup();
        String foreignAgent = CostApiTest.agent(api, other, "theirs", null);
        Map<String, Object> valid = Map.of("name", "B", "scope", "organization", "max_amount_usd", 10, "period", "monthly");
        List<Map<String, Object>> bad = List.of(
            with(valid, "name", ""),
            with(valid, "scope", "planet"),
            with(valid, "max_amount_usd", 0),
            with(valid, "max_amount_usd", -5),
            with(valid, "max_amount_usd", "12345678901"),
            with(valid, "period", "yearly"),
            with(valid, "alert_thresholds", List.of(50, 50)),
            with(valid, "alert_thresholds", List.of(0)),
            with(valid, "alert_thresholds", List.of(1001)),
            with(valid, "auto_pause_at_percent", 0),
            with(valid, "channels", List.of("sms")),
            with(valid, "team_name", "ml"),
            with(with(valid, "scope", "team"), "name", "T"),
            with(valid, "scope", "agent"),
            with(with(valid, "scope", "agent"), "agent_id", foreignAgent));
        for (Map<String, Object> body : bad) {
            var response = api.post("/api/v1/budgets", body, admin.accessToken());
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.code()).as(body.toString()).isEqualTo("validation_failed");
        }
        String id = api.post("/api/v1/budgets", valid, admin.accessToken()).data().get("id").toString();
        var badPatch = api.call("PATCH", "/api/v1/budgets/" + id, Map.of("alert_thresholds", List.of(10, 10)), admin.accessToken());
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(badPatch.code()).isEqualTo("validation_failed");
        var badCursor = api.get("/api/v1/budgets/" + id + "/alerts?cursor=nonsense", admin.accessToken());
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.code()).isEqualTo("validation_failed");
    }

    @Test
    void anotherOrganizationsBudgetIsNotFound() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String id = api.post("/api/v1/budgets", Map.of("name", "B", "scope", "organization", "max_amount_usd", 10,
            "period", "monthly"), admin.accessToken()).data().get("id").toString();
        Api.Session other = api.signup();
        for (Api.Response response : List.of(api.get("/api/v1/budgets/" + id, other.accessToken()),
            api.get("/api/v1/budgets/" + id + "/alerts", other.accessToken()),
            api.call("PATCH", "/api/v1/budgets/" + id, Map.of("name", "mine"), other.accessToken()),
            api.call("DELETE", "/api/v1/budgets/" + id, null, other.accessToken()))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("not_found");
        }
        assertThat(api.get("/api/v1/budgets", other.accessToken()).list()).isEmpty();
        assertThat(api.get("/api/v1/budgets/" + id, admin.accessToken()).data()).containsEntry("name", "B");
    }

    @Test
    void budgetsAreReadWithRunsReadAndChangedWithBudgetsManage() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        Map<String, Object> body = Map.of("name", "B", "scope", "organization", "max_amount_usd", 10, "period", "monthly");
        CostsFixture.everyCaller(api, admin).forEach((caller, credential) -> {
            String id = api.post("/api/v1/budgets", body, admin.accessToken()).data().get("id").toString();
            Map<String, Api.Response> calls = new java.util.LinkedHashMap<>();
            calls.put("GET list", api.get("/api/v1/budgets", credential));
            calls.put("GET one", api.get("/api/v1/budgets/" + id, credential));
            calls.put("GET alerts", api.get("/api/v1/budgets/" + id + "/alerts", credential));
            calls.forEach((call, response) -> assertThat(response.status()).as(caller + " " + call)
                .isEqualTo(CostsFixture.expected(caller, CostsFixture.READERS, 200)));
            var created = api.post("/api/v1/budgets", body, credential);
            assertThat(created.status()).as(caller + " POST").isEqualTo(CostsFixture.expected(caller, CostsFixture.MANAGERS, 201));
            var patched = api.call("PATCH", "/api/v1/budgets/" + id, Map.of("name", "C"), credential);
            assertThat(patched.status()).as(caller + " PATCH").isEqualTo(CostsFixture.expected(caller, CostsFixture.MANAGERS, 200));
            var deleted = api.call("DELETE", "/api/v1/budgets/" + id, null, credential);
            assertThat(deleted.status()).as(caller + " DELETE").isEqualTo(CostsFixture.expected(caller, CostsFixture.MANAGERS, 204));
            if (deleted.status() >= 400) {
                assertThat(deleted.code()).isIn("forbidden", "unauthenticated");
            }
        });
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
