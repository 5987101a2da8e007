package dev.agentops.hub.auth;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role (and an API key) against every endpoint of identity and access. The table below is the
 * specification, written out by hand on purpose: a change to the permission matrix in code must show up here.
 */
@MicronautTest(transactional = false)
class RoleMatrixTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;
    Map<String, String> tokens;

    record Endpoint(String method, String path, Supplier<Object> body, Set<String> allowed) {
    }

    @Override
    protected Map<String, String> extraProperties() {
        // the first sign-ups run while the just-started application is still cold; on a loaded machine they took > 10 s
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @BeforeAll
    void organizationWithEveryRole() {
        api = new Api(client);
        admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Matrix bot", "slug", "matrix-bot"), admin.accessToken());
        tokens = Map.of(
            "admin", admin.accessToken(),
            "team_lead", api.member(admin, "team_lead").accessToken(),
            "member", api.member(admin, "member").accessToken(),
            "viewer", api.member(admin, "viewer").accessToken(),
            "read_key", api.apiKey(admin, "read"),
            "ingest_key", api.apiKey(admin, "ingest"));
    }

    @Test
    void everyRoleGetsExactlyTheAccessTheMatrixGives() {
        Set<String> all = Set.of("admin", "team_lead", "member", "viewer");
        List<Endpoint> endpoints = List.of(
            new Endpoint("GET", "/api/v1/auth/me", () -> null, all),
            new Endpoint("GET", "/api/v1/orgs/profile", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("PATCH", "/api/v1/orgs/profile", () -> Map.of("name", "Renamed org"), Set.of("admin")),
            new Endpoint("GET", "/api/v1/org-members", () -> null, all),
            new Endpoint("POST", "/api/v1/org-members", () -> Map.of("email", "x-" + System.nanoTime() + "@example.com", "role", "viewer"), Set.of("admin")),
            new Endpoint("PATCH", "/api/v1/org-members/{member}", () -> Map.of("teams", List.of("ops")), Set.of("admin")),
            new Endpoint("DELETE", "/api/v1/org-members/{member}", () -> null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/api-keys", () -> null, Set.of("admin", "team_lead", "member")),
            new Endpoint("POST", "/api/v1/api-keys", () -> Map.of("name", "k", "scopes", List.of("read")), Set.of("admin", "team_lead")),
            new Endpoint("DELETE", "/api/v1/api-keys/{key}", () -> null, Set.of("admin", "team_lead")),
            new Endpoint("GET", "/api/v1/audit-logs", () -> null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/audit-logs/verify", () -> null, Set.of("admin")),
            new Endpoint("POST", "/api/v1/auth/mfa/enroll", () -> null, all),
            new Endpoint("GET", "/api/v1/agents", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("POST", "/api/v1/agents", () -> Map.of("name", "Matrix agent " + System.nanoTime()), Set.of("admin", "team_lead", "member")),
            new Endpoint("GET", "/api/v1/runs", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/dashboard/home", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/pricing/models", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/controls/status", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/costs/summary", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/budgets", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/approvals", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/approvals/pending", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/policies", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("GET", "/api/v1/policies/templates", () -> null, Set.of("admin", "team_lead", "member", "viewer", "read_key")),
            new Endpoint("POST", "/api/v1/policies", () -> Map.of("name", "Matrix policy " + System.nanoTime(), "status", "disabled",
                "rule_definition", Map.of("type", "conditional", "action", "block",
                    "conditions", List.of(Map.of("field", "action.type", "operator", "equals", "value", "x")))),
                Set.of("admin", "team_lead")),
            new Endpoint("GET", "/api/v1/notifications", () -> null, all),
            new Endpoint("GET", "/api/v1/notifications/unread-count", () -> null, all),
            new Endpoint("POST", "/api/v1/notifications/read-all", () -> null, all),
            new Endpoint("GET", "/api/v1/webhooks", () -> null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/ingest/jobs?status=failed", () -> null, Set.of("admin")),
            new Endpoint("POST", "/api/v1/ingest/jobs/requeue", () -> Map.of("status", "failed"), Set.of("admin")),
            new Endpoint("POST", "/api/v1/pricing/reprice", () -> Map.of("from", java.time.Instant.now().minusSeconds(3600).toString(),
                "to", java.time.Instant.now().toString()), Set.of("admin")),
            new Endpoint("POST", "/api/v1/ingest/run", () -> Map.of("agent_id", "matrix-bot", "run_id", "m-" + System.nanoTime()),
                Set.of("ingest_key")),
            new Endpoint("POST", "/api/v1/otel/v1/traces", () -> Map.of("resourceSpans", List.of()), Set.of("ingest_key")));

        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (var caller : tokens.entrySet()) {
                String path = endpoint.path()
                    .replace("{member}", throwawayMember())
                    .replace("{key}", throwawayKey());
                var response = api.call(endpoint.method(), path, endpoint.body().get(), caller.getValue());
                boolean allowed = endpoint.allowed().contains(caller.getKey());
                boolean passed = allowed ? response.status() < 300 : response.status() == 403 && "forbidden".equals(response.code());
                if (!passed) {
                    mismatches.add(caller.getKey() + " " + endpoint.method() + " " + endpoint.path() + " -> " + response.status()
                        + " " + response.body());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * Who may call each endpoint at all, for every route the application serves under /api/v1: a route without a row
     * fails {@link #everyEndpointHasARow()}, so a new endpoint cannot arrive without saying who may call it.
     * "anonymous": anyone (the endpoint authenticates by what is in the body or query); otherwise a credential is needed
     * and the name is the permission (or "signed_in" for any user or key).
     */
    static final Map<String, String> ACCESS = Map.ofEntries(
        Map.entry("POST /api/v1/auth/signup", "anonymous"),
        Map.entry("POST /api/v1/auth/signup/confirm", "anonymous"),
        Map.entry("POST /api/v1/auth/login", "anonymous"),
        Map.entry("POST /api/v1/auth/mfa/verify", "anonymous"),
        Map.entry("POST /api/v1/auth/refresh-token", "anonymous"),
        Map.entry("POST /api/v1/auth/password-reset", "anonymous"),
        Map.entry("POST /api/v1/auth/password-reset/confirm", "anonymous"),
        Map.entry("GET /api/v1/auth/invitations/{token}", "anonymous"),
        Map.entry("POST /api/v1/auth/accept-invite", "anonymous"),
        Map.entry("GET /api/v1/stream", "anonymous"),
        Map.entry("POST /api/v1/auth/logout", "signed_in"),
        Map.entry("GET /api/v1/auth/me", "signed_in"),
        Map.entry("POST /api/v1/auth/mfa/enroll", "signed_in"),
        Map.entry("POST /api/v1/auth/mfa/confirm", "signed_in"),
        Map.entry("POST /api/v1/auth/mfa/disable", "signed_in"),
        Map.entry("POST /api/v1/stream/ticket", "signed_in"),
        Map.entry("GET /api/v1/orgs/profile", "org:read"),
        Map.entry("PATCH /api/v1/orgs/profile", "org:update"),
        Map.entry("GET /api/v1/org-members", "members:read"),
        Map.entry("POST /api/v1/org-members", "members:manage"),
        Map.entry("PATCH /api/v1/org-members/{id}", "members:manage"),
        Map.entry("DELETE /api/v1/org-members/{id}", "members:manage"),
        Map.entry("GET /api/v1/api-keys", "api_keys:read"),
        Map.entry("POST /api/v1/api-keys", "api_keys:manage"),
        Map.entry("DELETE /api/v1/api-keys/{id}", "api_keys:manage"),
        Map.entry("GET /api/v1/audit-logs", "audit:read"),
        Map.entry("GET /api/v1/audit-logs/verify", "audit:read"),
        Map.entry("GET /api/v1/agents", "agents:read"),
        Map.entry("GET /api/v1/agents/{id}", "agents:read"),
        Map.entry("POST /api/v1/agents", "agents:write"),
        Map.entry("PATCH /api/v1/agents/{id}", "agents:write"),
        Map.entry("DELETE /api/v1/agents/{id}", "agents:write"),
        Map.entry("GET /api/v1/runs", "runs:read"),
        Map.entry("GET /api/v1/runs/{id}", "runs:read"),
        Map.entry("GET /api/v1/events/{runId}", "runs:read"),
        Map.entry("GET /api/v1/dashboard/home", "runs:read"),
        Map.entry("GET /api/v1/dashboard/agent/{id}", "runs:read"),
        Map.entry("POST /api/v1/ingest/run", "ingest"),
        Map.entry("GET /api/v1/ingest/jobs/{id}", "ingest or runs:read"),
        Map.entry("GET /api/v1/ingest/jobs", "operations:manage"),
        Map.entry("POST /api/v1/ingest/jobs/{id}/requeue", "operations:manage"),
        Map.entry("POST /api/v1/ingest/jobs/requeue", "operations:manage"),
        Map.entry("POST /api/v1/pricing/reprice", "operations:manage"),
        Map.entry("POST /api/v1/otel/v1/traces", "ingest"),
        Map.entry("GET /api/v1/pricing/models", "org:read"),
        Map.entry("GET /api/v1/pricing/models/{id}", "org:read"),
        Map.entry("POST /api/v1/pricing/models", "org:update"),
        Map.entry("DELETE /api/v1/pricing/models/{id}", "org:update"),
        Map.entry("POST /api/v1/controls/pause-agent/{id}", "controls:pause"),
        Map.entry("POST /api/v1/controls/resume-agent/{id}", "controls:pause"),
        Map.entry("POST /api/v1/controls/kill-switch", "controls:kill_switch"),
        Map.entry("POST /api/v1/controls/kill-switch/release", "controls:kill_switch"),
        Map.entry("GET /api/v1/controls/status", "agents:read"),
        Map.entry("GET /api/v1/controls/agent-status", "ingest or agents:read"),
        Map.entry("GET /api/v1/costs/summary", "runs:read"),
        Map.entry("GET /api/v1/costs/by-agent/{id}", "runs:read"),
        Map.entry("GET /api/v1/costs/by-team/{name}", "runs:read"),
        Map.entry("GET /api/v1/costs/export.csv", "runs:read"),
        Map.entry("GET /api/v1/budgets", "runs:read"),
        Map.entry("GET /api/v1/budgets/{id}", "runs:read"),
        Map.entry("GET /api/v1/budgets/{id}/alerts", "runs:read"),
        Map.entry("POST /api/v1/budgets", "budgets:manage"),
        Map.entry("PATCH /api/v1/budgets/{id}", "budgets:manage"),
        Map.entry("DELETE /api/v1/budgets/{id}", "budgets:manage"),
        Map.entry("GET /api/v1/approvals", "runs:read or policies:check"),
        Map.entry("GET /api/v1/approvals/pending", "runs:read or policies:check"),
        Map.entry("GET /api/v1/approvals/{id}", "runs:read or policies:check"),
        Map.entry("GET /api/v1/approvals/{id}/wait", "runs:read or policies:check"),
        Map.entry("POST /api/v1/approvals/{id}/approve", "approvals:decide (people only)"),
        Map.entry("POST /api/v1/approvals/{id}/reject", "approvals:decide (people only)"),
        Map.entry("GET /api/v1/policies", "agents:read"),
        Map.entry("GET /api/v1/policies/templates", "agents:read"),
        Map.entry("GET /api/v1/policies/{id}", "agents:read"),
        Map.entry("GET /api/v1/policies/{id}/versions", "agents:read"),
        Map.entry("POST /api/v1/policies/{id}/evaluate", "agents:read"),
        Map.entry("POST /api/v1/policies", "policies:manage"),
        Map.entry("PATCH /api/v1/policies/{id}", "policies:manage"),
        Map.entry("DELETE /api/v1/policies/{id}", "policies:manage"),
        Map.entry("POST /api/v1/policies/{id}/backtest", "policies:manage"),
        Map.entry("POST /api/v1/policies/check", "policies:check"),
        Map.entry("GET /api/v1/notifications", "org:read (users only)"),
        Map.entry("GET /api/v1/notifications/unread-count", "org:read (users only)"),
        Map.entry("POST /api/v1/notifications/{id}/read", "org:read (users only)"),
        Map.entry("POST /api/v1/notifications/read-all", "org:read (users only)"),
        Map.entry("GET /api/v1/webhooks", "webhooks:manage"),
        Map.entry("GET /api/v1/webhooks/{id}", "webhooks:manage"),
        Map.entry("POST /api/v1/webhooks", "webhooks:manage"),
        Map.entry("DELETE /api/v1/webhooks/{id}", "webhooks:manage"),
        Map.entry("POST /api/v1/webhooks/{id}/test", "webhooks:manage"),
        Map.entry("GET /api/v1/webhooks/{id}/deliveries", "webhooks:manage"));

    /** Controllers that exist only in the test environment (shared/idempotency probes); they are no product routes. */
    private static final String TEST_ONLY_ROUTES = "/api/v1/test-probe/";

    @Inject
    Router router;

    @Test
    void everyEndpointHasARow() {
        Set<String> served = new TreeSet<>();
        router.uriRoutes()
            .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/v1/"))
            .filter(route -> !route.getUriMatchTemplate().toString().startsWith(TEST_ONLY_ROUTES))
            .filter(route -> !route.getHttpMethodName().equals("HEAD") && !route.getHttpMethodName().equals("OPTIONS"))
            .forEach(route -> served.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString()));

        assertThat(served).as("routes without a row in RoleMatrixTest.ACCESS").isSubsetOf(ACCESS.keySet());
        assertThat(ACCESS.keySet()).as("rows of routes that no longer exist").isSubsetOf(served);
    }

    @Test
    void anonymousCallersGet401WithTheEnvelopeOnEveryEndpointThatNeedsACredential() {
        List<String> mismatches = new ArrayList<>();
        for (var row : ACCESS.entrySet()) {
            if (row.getValue().equals("anonymous")) {
                continue;
            }
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String path = row.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            var response = api.call(method, path, method.equals("GET") || method.equals("DELETE") ? null : Map.of(), null);
            if (response.status() != 401 || !"unauthenticated".equals(response.code())) {
                mismatches.add(row.getKey() + " -> " + response.status() + " " + response.body());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private String throwawayMember() {
        var invite = api.post("/api/v1/org-members", Map.of("email", "t-" + System.nanoTime() + "@example.com", "role", "viewer"), admin.accessToken());
        return String.valueOf(invite.data().get("id"));
    }

    private String throwawayKey() {
        var key = api.post("/api/v1/api-keys", Map.of("name", "throwaway", "scopes", List.of("read")), admin.accessToken());
        return String.valueOf(key.data().get("id"));
    }
}
