package dev.agentops.hub.auth;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @BeforeAll
    void organizationWithEveryRole() {
        api = new Api(client);
        admin = api.signup();
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
            new Endpoint("PATCH", "/api/v1/orgs/profile", () -> Map.of("plan", "team"), Set.of("admin")),
            new Endpoint("GET", "/api/v1/org-members", () -> null, all),
            new Endpoint("POST", "/api/v1/org-members", () -> Map.of("email", "x-" + System.nanoTime() + "@example.com", "role", "viewer"), Set.of("admin")),
            new Endpoint("PATCH", "/api/v1/org-members/{member}", () -> Map.of("teams", List.of("ops")), Set.of("admin")),
            new Endpoint("DELETE", "/api/v1/org-members/{member}", () -> null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/api-keys", () -> null, Set.of("admin", "team_lead", "member")),
            new Endpoint("POST", "/api/v1/api-keys", () -> Map.of("name", "k", "scopes", List.of("read")), Set.of("admin", "team_lead")),
            new Endpoint("DELETE", "/api/v1/api-keys/{key}", () -> null, Set.of("admin", "team_lead")),
            new Endpoint("GET", "/api/v1/audit-logs", () -> null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/audit-logs/verify", () -> null, Set.of("admin")),
            new Endpoint("POST", "/api/v1/auth/mfa/enroll", () -> null, all));

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

    @Test
    void anonymousCallersGet401WithTheEnvelope() {
        for (String path : List.of("/api/v1/auth/me", "/api/v1/orgs/profile", "/api/v1/org-members", "/api/v1/api-keys", "/api/v1/audit-logs")) {
            var response = api.get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.code()).as(path).isEqualTo("unauthenticated");
        }
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
