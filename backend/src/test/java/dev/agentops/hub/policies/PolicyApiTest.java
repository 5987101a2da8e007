package dev.agentops.hub.policies;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.SecondInstance;
import dev.agentops.hub.support.Ingest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policies API end to end on real PostgreSQL and Redis, with a second instance sharing both. The policy cache
 * lives an hour here, so a change can reach the second instance only through the Redis channel.
 */
@MicronautTest(transactional = false)
class PolicyApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    SecondInstance second;
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.policies.cache-ttl", "1h", "micronaut.http.client.read-timeout", "60s");
    }

    @BeforeAll
    void startSecondInstance() {
        api = new Api(client);
        second = new SecondInstance(getProperties());
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    static Map<String, Object> row(String field, String operator, Object value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    static Map<String, Object> rule(String action, Map<String, Object>... rows) {
        Map<String, Object> rule = new HashMap<>(Map.of("type", "conditional", "action", action, "conditions", List.of(rows)));
        if (action.equals("require_approval")) {
            rule.put("approval_required_from", List.of("role:team_lead"));
        }
        return rule;
    }

    String create(Api.Session admin, String name, String status, Map<String, Object> rule) {
        var created = api.post("/api/v1/policies", Map.of("name", name, "status", status, "rule_definition", rule), admin.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyChangeIsANewImmutableVersionWithAnAuditRowAndDeleteDeactivates() {
        Api.Session admin = api.signup();
        var created = api.post("/api/v1/policies", Map.of("name", "Discounts", "description", "Big discounts need a lead",
            "rule_definition", rule("require_approval", row("action.discount_percent", "greater_than", 10))), admin.accessToken());
        assertThat(created.status()).isEqualTo(201);
        String id = created.data().get("id").toString();
        assertThat(created.raw().getHeaders().get("Location")).isEqualTo("/api/v1/policies/" + id);
        assertThat(created.data()).containsEntry("status", "active").containsEntry("version", 1).containsEntry("name", "Discounts");
        assertThat((Map<String, Object>) created.data().get("decisions_24h")).containsKeys("enforced", "shadow");

        var patched = api.call("PATCH", "/api/v1/policies/" + id, Map.of("status", "shadow",
            "rule_definition", rule("block", row("action.discount_percent", "greater_than", 50))), admin.accessToken());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.data()).containsEntry("version", 2).containsEntry("status", "shadow").containsEntry("name", "Discounts");
        var same = api.call("PATCH", "/api/v1/policies/" + id, Map.of("status", "shadow"), admin.accessToken());
        assertThat(same.data()).as("no change, no version").containsEntry("version", 2);

        assertThat(api.call("DELETE", "/api/v1/policies/" + id, null, admin.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/policies/" + id, admin.accessToken()).data()).containsEntry("status", "disabled")
            .containsEntry("version", 3);
        assertThat(api.get("/api/v1/policies", admin.accessToken()).list()).extracting(p -> p.get("id")).containsExactly(id);

        var versions = api.get("/api/v1/policies/" + id + "/versions", admin.accessToken()).list();
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(3, 2, 1);
        assertThat(versions).extracting(v -> v.get("change")).containsExactly("deactivated", "updated", "created");
        assertThat(versions).extracting(v -> v.get("status")).containsExactly("disabled", "shadow", "active");
        assertThat((Map<String, Object>) versions.get(2).get("rule_definition")).containsEntry("action", "require_approval");
        assertThat(versions.get(2).get("created_by")).isEqualTo(admin.userId().toString());

        var audit = api.get("/api/v1/audit-logs?entity_type=policy", admin.accessToken()).list();
        assertThat(audit).extracting(a -> a.get("action")).contains("policy.created", "policy.updated", "policy.deactivated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidRulesAre400WithAJsonPointerAndASentence() {
        Api.Session admin = api.signup();
        var bad = api.post("/api/v1/policies", Map.of("name", "Bad", "rule_definition", rule("block",
            row("agent.name", "equals", "SalesBot"), row("action.amount", "greater_than", "a lot"))), admin.accessToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        var details = (Map<String, Object>) bad.body().get("details");
        assertThat(details).containsEntry("pointer", "/conditions/1/value");
        assertThat((List<Map<String, Object>>) details.get("rule_errors")).singleElement()
            .satisfies(p -> assertThat(p).containsEntry("pointer", "/conditions/1/value").containsEntry("problem", "must be a number for greater_than"));
        assertThat((List<Map<String, Object>>) details.get("fields")).singleElement()
            .satisfies(f -> assertThat(f).containsEntry("field", "rule_definition/conditions/1/value"));
        assertThat(bad.body().get("error").toString()).contains("/conditions/1/value", "must be a number");

        var cel = api.post("/api/v1/policies", Map.of("name", "Bad CEL", "rule_definition",
            Map.of("type", "expression", "expression", "action.amount >", "action", "block")), admin.accessToken());
        assertThat(cel.status()).isEqualTo(400);
        assertThat((Map<String, Object>) cel.body().get("details")).containsEntry("pointer", "/expression");

        var regex = api.post("/api/v1/policies", Map.of("name", "Bad regex", "rule_definition",
            rule("block", row("action.to", "matches", "(unclosed"))), admin.accessToken());
        assertThat((Map<String, Object>) regex.body().get("details")).containsEntry("pointer", "/conditions/0/value");

        assertThat(api.post("/api/v1/policies", Map.of("name", "No rule"), admin.accessToken()).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/policies", Map.of("name", "Bad status", "status", "on",
            "rule_definition", rule("block", row("action.type", "equals", "x"))), admin.accessToken()).code()).isEqualTo("validation_failed");
        String id = create(admin, "Good", "active", rule("block", row("action.type", "equals", "x")));
        var badPatch = api.call("PATCH", "/api/v1/policies/" + id, Map.of("rule_definition",
            Map.of("type", "conditional", "action", "block", "conditions", List.of(Map.of("any", List.of())))), admin.accessToken());
        assertThat((Map<String, Object>) badPatch.body().get("details")).containsEntry("pointer", "/conditions/0/any");
        assertThat(api.get("/api/v1/policies/" + id, admin.accessToken()).data()).containsEntry("version", 1);
        assertThat(api.get("/api/v1/policies/" + UUID.randomUUID(), admin.accessToken()).code()).isEqualTo("not_found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void templatesAreListedAndEachOneSaves() {
        Api.Session admin = api.signup();
        var templates = (List<Map<String, Object>>) api.get("/api/v1/policies/templates", admin.accessToken()).body().get("data");
        assertThat(templates).hasSizeGreaterThanOrEqualTo(6);
        assertThat(templates).extracting(t -> t.get("id")).contains("block-action-type", "approval-above-amount",
            "approval-external-email", "block-outside-business-hours", "approval-budget-80", "block-tool");
        for (Map<String, Object> template : templates) {
            create(admin, template.get("name").toString(), "disabled", (Map<String, Object>) template.get("rule_definition"));
        }
    }

    @Test
    void evaluateAnswersForASampleWithoutSideEffects() {
        Api.Session admin = api.signup();
        String id = create(admin, "Amounts", "active", rule("block", row("action.amount", "greater_than", 100)));
        Map<String, Object> context = Map.of("action", Map.of("type", "payment", "amount", 250), "agent", Map.of("name", "Bot"));
        var saved = api.post("/api/v1/policies/" + id + "/evaluate", Map.of("context", context), admin.accessToken());
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.data()).containsEntry("matched", true).containsEntry("decision", "block").containsEntry("version", 1)
            .containsEntry("error", null);
        var draft = api.post("/api/v1/policies/" + id + "/evaluate", Map.of("context", context,
            "rule_definition", Map.of("type", "expression", "expression", "action.amount > 1000", "action", "block")), admin.accessToken());
        assertThat(draft.data()).containsEntry("matched", false).containsEntry("decision", "allow").containsEntry("version", null);
        var failing = api.post("/api/v1/policies/" + id + "/evaluate", Map.of("context", Map.of("action", Map.of("amount", "lots"))),
            admin.accessToken());
        assertThat(failing.data()).containsEntry("decision", "block");
        assertThat(failing.data().get("error").toString()).contains("action.amount");
        assertThat(api.post("/api/v1/policies/" + id + "/evaluate", Map.of("context", Map.of("user", Map.of())), admin.accessToken()).code())
            .isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/policies/" + id + "/versions", admin.accessToken()).list()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void checksApplyPrecedenceIgnoreShadowPoliciesBlockPausedAgentsAndAreRecordedOnTheRun() throws Exception {
        Api.Session admin = api.signup();
        String agentId = api.post("/api/v1/agents", Map.of("name", "SalesBot", "slug", "sales-bot", "environment", "prod"),
            admin.accessToken()).data().get("id").toString();
        String key = api.apiKey(admin, "policies:check");
        String approve = create(admin, "Discount approval", "active", rule("require_approval", row("action.discount_percent", "greater_than", 10)));
        String block = create(admin, "No huge discounts", "active", rule("block", row("action.discount_percent", "greater_than", 40)));
        create(admin, "Allow SalesBot", "active", rule("allow", row("agent.name", "equals", "SalesBot")));
        String shadow = create(admin, "Shadow e-mail block", "shadow", rule("block", row("action.type", "equals", "send_email")));
        create(admin, "Off", "disabled", rule("block", row("action.type", "equals", "send_email")));

        Map<String, Object> ok = check(key, "run-1", "sales-bot", Map.of("type", "send_email"), Map.of("discount_percent", 5));
        assertThat(ok.get("decision")).as("the shadow policy matched but is not enforced").isEqualTo("allow");
        assertThat((List<Map<String, Object>>) ok.get("reasons")).extracting(r -> r.get("name")).containsExactly("Allow SalesBot");
        assertThat(ok.get("approval")).isNull();

        Map<String, Object> approval = check(key, "run-1", agentId, Map.of("type", "discount", "discount_percent", 20), null);
        assertThat(approval.get("decision")).isEqualTo("require_approval");
        var reasons = (List<Map<String, Object>>) approval.get("reasons");
        assertThat(reasons.get(0)).containsEntry("policy_id", approve).containsEntry("version", 1).containsEntry("code", "policy")
            .containsEntry("decision", "require_approval");

        Map<String, Object> blocked = check(key, "run-1", "sales-bot", Map.of("type", "discount"), Map.of("discount_percent", 45));
        assertThat(blocked.get("decision")).isEqualTo("block");
        assertThat(((List<Map<String, Object>>) blocked.get("reasons")).get(0)).containsEntry("policy_id", block);

        var typeless = api.post("/api/v1/policies/check", Map.of("agent_id", "sales-bot", "action", Map.of("amount", 1)), key);
        assertThat(typeless.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/policies/check", Map.of("agent_id", "nobody", "action", Map.of("type", "x")), key).code())
            .isEqualTo("not_found");

        assertThat(api.post("/api/v1/controls/pause-agent/" + agentId, Map.of("reason", "investigating"), admin.accessToken()).status())
            .isEqualTo(200);
        Map<String, Object> paused = check(key, "run-1", "sales-bot", Map.of("type", "send_email"), null);
        assertThat(paused.get("decision")).isEqualTo("block");
        assertThat((List<Map<String, Object>>) paused.get("reasons")).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("code", "agent_paused").containsEntry("policy_id", null));

        // every check is an event of the run, in the canonical policy_check shape (plus the approval_requested event
        // of the request the require_approval check opened)
        List<Map<String, Object>> all = eventually(() -> {
            var runs = api.get("/api/v1/runs?external_reference=run-1", admin.accessToken()).list();
            if (runs.isEmpty()) {
                return List.of();
            }
            return api.get("/api/v1/events/" + runs.get(0).get("id"), admin.accessToken()).list();
        }, list -> list.size() == 5);
        assertThat(all).extracting(e -> e.get("event_type")).containsOnly("policy_check", "approval_requested");
        List<Map<String, Object>> events = all.stream().filter(e -> "policy_check".equals(e.get("event_type"))).toList();
        assertThat(events).hasSize(4);
        assertThat(events).extracting(e -> ((Map<String, Object>) e.get("payload")).get("decision"))
            .containsExactly("allow", "require_approval", "block", "block");
        Map<String, Object> third = (Map<String, Object>) events.get(2).get("payload");
        assertThat(third).containsEntry("action_type", "discount").containsEntry("policy_id", block);
        assertThat((List<String>) third.get("reasons")).first().asString().startsWith("No huge discounts v1: block");
        assertThat((List<String>) ((Map<String, Object>) events.get(3).get("payload")).get("reasons")).first().asString()
            .startsWith("agent_paused");

        // the shadow policy's would-be blocks are counted (the counts are flushed once a second)
        Map<String, Object> counted = eventually(() -> api.get("/api/v1/policies/" + shadow, admin.accessToken()).data(),
            p -> ((Number) ((Map<String, Object>) ((Map<String, Object>) p.get("decisions_24h")).get("shadow")).get("block")).intValue() >= 1);
        assertThat(((Map<String, Object>) ((Map<String, Object>) counted.get("decisions_24h")).get("enforced")).get("block")).isEqualTo(0);
    }

    Map<String, Object> check(String key, String runId, String agent, Map<String, Object> action, Map<String, Object> context) {
        Map<String, Object> body = new HashMap<>(Map.of("run_id", runId, "agent_id", agent, "action", action));
        if (context != null) {
            body.put("context", context);
        }
        var answer = api.post("/api/v1/policies/check", body, key);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.header("Server-Timing")).startsWith("policy;dur=");
        return answer.data();
    }

    @Test
    void aChangeReachesTheOtherInstanceThroughRedisWithinASecond() throws Exception {
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Mailer", "slug", "mailer"), admin.accessToken());
        String key = api.apiKey(admin, "policies:check");
        String id = create(admin, "E-mail", "active", rule("allow", row("action.type", "equals", "send_email")));
        Api other = new Api(second.client());
        Map<String, Object> body = Map.of("agent_id", "mailer", "action", Map.of("type", "send_email"));
        assertThat(other.post("/api/v1/policies/check", body, key).data().get("decision")).isEqualTo("allow"); // cached there now (1 h)

        assertThat(api.call("PATCH", "/api/v1/policies/" + id, Map.of("rule_definition",
            rule("block", row("action.type", "equals", "send_email"))), admin.accessToken()).status()).isEqualTo(200);
        long changedAt = System.nanoTime();
        Map<String, Object> seen = eventually(() -> other.post("/api/v1/policies/check", body, key).data(),
            d -> "block".equals(d.get("decision")));
        assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofSeconds(1));
        assertThat(seen.get("decision")).isEqualTo("block");
        assertThat(api.post("/api/v1/policies/check", body, key).data().get("decision")).as("and at once here").isEqualTo("block");
    }

    @Test
    @SuppressWarnings("unchecked")
    void backtestsReplayStoredActionsAndToolCallsOfTheRange() {
        Api.Session admin = api.signup();
        String agentId = api.post("/api/v1/agents", Map.of("name", "Payer", "slug", "payer"), admin.accessToken()).data().get("id").toString();
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        Instant base = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> events = new ArrayList<>();
        int[] amounts = {50, 500, 5000};
        for (int i = 0; i < amounts.length; i++) {
            events.add(Map.of("event_id", "pay-" + i, "event_type", "external_action", "timestamp", base.plusSeconds(i).toString(),
                "payload", Map.of("action_type", "payment", "target", "acme", "payload", Map.of("amount", amounts[i]))));
        }
        events.add(Map.of("event_id", "tool-0", "event_type", "tool_call", "timestamp", base.plusSeconds(10).toString(),
            "payload", Map.of("tool_name", "shell", "input", Map.of("cmd", "ls"))));
        events.add(Map.of("event_id", "log-0", "event_type", "log", "timestamp", base.plusSeconds(11).toString(), "payload", Map.of()));
        ingest.sendAndWait(Map.of("run_id", "bt-run", "agent_id", "payer", "status", "completed", "start_time", base.toString(),
            "events", events));

        String id = create(admin, "Large payments", "active", rule("require_approval", row("action.type", "equals", "payment"),
            row("action.amount", "greater_than", 100)));
        var result = api.post("/api/v1/policies/" + id + "/backtest", Map.of("from", base.minusSeconds(60).toString(),
            "to", Instant.now().toString()), admin.accessToken());
        assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
        assertThat(result.data()).containsEntry("evaluated", 4).containsEntry("matched", 2).containsEntry("errors", 0)
            .containsEntry("truncated", false).containsEntry("version", 1);
        assertThat((Map<String, Object>) result.data().get("counts")).containsEntry("allow", 2).containsEntry("require_approval", 2)
            .containsEntry("block", 0);
        var examples = (List<Map<String, Object>>) result.data().get("examples");
        assertThat(examples).extracting(e -> e.get("client_event_id")).containsExactly("pay-1", "pay-2");
        assertThat(examples.get(0)).containsEntry("agent_id", agentId).containsEntry("external_reference", "bt-run")
            .containsEntry("action_type", "payment");
        assertThat(examples.get(0).get("run_link")).isEqualTo("/runs/" + examples.get(0).get("run_id"));

        var draft = api.post("/api/v1/policies/" + id + "/backtest", Map.of("from", base.minusSeconds(60).toString(),
            "rule_definition", rule("block", row("action.tool_name", "equals", "shell"))), admin.accessToken());
        assertThat(draft.data()).containsEntry("matched", 1).containsEntry("version", null);
        assertThat((Map<String, Object>) draft.data().get("counts")).containsEntry("block", 1).containsEntry("allow", 3);

        var empty = api.post("/api/v1/policies/" + id + "/backtest", Map.of("to", base.minusSeconds(60).toString()), admin.accessToken());
        assertThat(empty.data()).containsEntry("evaluated", 0);
        assertThat(api.post("/api/v1/policies/" + id + "/backtest", Map.of("from", Instant.now().toString(),
            "to", base.toString()), admin.accessToken()).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/policies/" + id + "/backtest", Map.of("from", "yesterday"), admin.accessToken()).code())
            .isEqualTo("validation_failed");
    }

    @Test
    void anotherOrganizationsPolicyIs404Everywhere() {
        Api.Session owner = api.signup();
        String id = create(owner, "Private", "active", rule("block", row("action.type", "equals", "x")));
        Api.Session stranger = api.signup();
        String t = stranger.accessToken();
        List<Api.Response> answers = List.of(
            api.get("/api/v1/policies/" + id, t),
            api.call("PATCH", "/api/v1/policies/" + id, Map.of("name", "Mine"), t),
            api.call("DELETE", "/api/v1/policies/" + id, null, t),
            api.get("/api/v1/policies/" + id + "/versions", t),
            api.post("/api/v1/policies/" + id + "/evaluate", Map.of("context", Map.of()), t),
            api.post("/api/v1/policies/" + id + "/backtest", Map.of(), t));
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("not_found");
        });
        assertThat(api.get("/api/v1/policies", t).list()).isEmpty();
        api.post("/api/v1/agents", Map.of("name", "Owner bot", "slug", "owner-bot"), owner.accessToken());
        assertThat(api.post("/api/v1/policies/check", Map.of("agent_id", "owner-bot", "action", Map.of("type", "x")),
            api.apiKey(stranger, "policies:check")).code()).as("another organization's agent").isEqualTo("not_found");
        assertThat(api.get("/api/v1/policies/" + id, owner.accessToken()).data()).containsEntry("name", "Private").containsEntry("version", 1);
    }

    @Test
    void everyRouteGrantsExactlyItsPermission() {
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Role bot", "slug", "role-bot"), admin.accessToken());
        Map<String, String> callers = api.everyCaller(admin, "ingest", "read", "policies:check", "admin");
        String id = create(admin, "Roles", "disabled", rule("block", row("action.type", "equals", "x")));
        Set<String> readers = Set.of("viewer", "member", "team_lead", "admin", "key:read", "key:admin");
        Set<String> managers = Set.of("team_lead", "admin", "key:admin");
        Set<String> checkers = Set.of("key:policies:check", "key:admin");
        record Route(String method, String path, Supplier<Object> body, Set<String> allowed) {
        }
        List<Route> routes = List.of(
            new Route("GET", "/api/v1/policies", () -> null, readers),
            new Route("GET", "/api/v1/policies/templates", () -> null, readers),
            new Route("GET", "/api/v1/policies/" + id, () -> null, readers),
            new Route("GET", "/api/v1/policies/" + id + "/versions", () -> null, readers),
            new Route("POST", "/api/v1/policies/" + id + "/evaluate", () -> Map.of("context", Map.of()), readers),
            new Route("POST", "/api/v1/policies", () -> Map.of("name", "R " + System.nanoTime(), "status", "disabled",
                "rule_definition", rule("block", row("action.type", "equals", "x"))), managers),
            new Route("PATCH", "/api/v1/policies/" + id, () -> Map.of("description", "d " + System.nanoTime()), managers),
            new Route("POST", "/api/v1/policies/" + id + "/backtest", Map::of, managers),
            new Route("DELETE", "/api/v1/policies/" + id, () -> null, managers),
            new Route("POST", "/api/v1/policies/check", () -> Map.of("agent_id", "role-bot", "action", Map.of("type", "x")), checkers));
        List<String> mismatches = new ArrayList<>();
        for (Route route : routes) {
            for (var caller : callers.entrySet()) {
                var response = api.call(route.method(), route.path(), route.body().get(), caller.getValue());
                boolean allowed = route.allowed().contains(caller.getKey());
                int expected = caller.getValue() == null ? 401 : allowed ? -1 : 403;
                boolean passed = expected == -1 ? response.status() < 300 : response.status() == expected;
                if (!passed) {
                    mismatches.add(caller.getKey() + " " + route.method() + " " + route.path() + " -> " + response.status());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as("condition not reached; last value " + last).isTrue();
        return last;
    }
}
