package dev.agentops.hub.orgs;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization B's admin, member and API key try every identity endpoint on organization A's objects: they get
 * 404 (or 403 where their role lacks the permission for any object), never A's data, and A's objects stay as
 * they were.
 */
@MicronautTest(transactional = false)
class CrossOrganizationTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session adminA;
    String memberOfA;
    String keyOfA;
    String keyIdOfA;
    Map<String, String> callersFromB;

    @BeforeAll
    void twoOrganizations() {
        api = new Api(client);
        adminA = api.signup();
        memberOfA = api.get("/api/v1/org-members", api.member(adminA, "member").accessToken()).list().stream()
            .filter(m -> "member".equals(m.get("role"))).findFirst().orElseThrow().get("id").toString();
        keyOfA = api.apiKey(adminA, "read");
        keyIdOfA = api.get("/api/v1/api-keys", adminA.accessToken()).list().get(0).get("id").toString();

        Api.Session adminB = api.signup();
        callersFromB = Map.of(
            "admin", adminB.accessToken(),
            "member", api.member(adminB, "member").accessToken(),
            "key", api.apiKey(adminB, "admin", "read"));
    }

    @Test
    void objectsOfAnotherOrganizationAreNotFoundAndStayUnchanged() {
        for (var caller : callersFromB.entrySet()) {
            var update = api.call("PATCH", "/api/v1/org-members/" + memberOfA, Map.of("role", "admin"), caller.getValue());
            var remove = api.call("DELETE", "/api/v1/org-members/" + memberOfA, null, caller.getValue());
            var revoke = api.call("DELETE", "/api/v1/api-keys/" + keyIdOfA, null, caller.getValue());
            for (var response : List.of(update, remove, revoke)) {
                assertThat(response.status()).as(caller.getKey() + " " + response.body()).isIn(403, 404);
                if (caller.getKey().equals("admin")) {
                    assertThat(response.status()).isEqualTo(404);
                    assertThat(response.code()).isEqualTo("not_found");
                }
            }
        }
        var members = api.get("/api/v1/org-members", adminA.accessToken()).list();
        assertThat(members).filteredOn(m -> m.get("id").equals(memberOfA)).singleElement()
            .satisfies(m -> assertThat(m.get("role")).isEqualTo("member"));
        assertThat(api.get("/api/v1/orgs/profile", keyOfA).status()).as("A's key still works").isEqualTo(200);
    }

    @Test
    void listsAndProfileShowOnlyTheCallersOrganization() {
        String adminB = callersFromB.get("admin");
        assertThat(api.get("/api/v1/orgs/profile", adminB).data().get("id")).isNotEqualTo(adminA.organizationId().toString());
        assertThat(api.get("/api/v1/org-members", adminB).list()).extracting(m -> m.get("id")).doesNotContain(memberOfA);
        assertThat(api.get("/api/v1/api-keys", adminB).list()).extracting(k -> k.get("id")).doesNotContain(keyIdOfA);
        var auditOfB = api.get("/api/v1/audit-logs?limit=200", adminB).list();
        assertThat(auditOfB).extracting(row -> String.valueOf(row.get("entity_id")))
            .doesNotContain(memberOfA, keyIdOfA, adminA.userId().toString(), adminA.organizationId().toString());
        assertThat(api.get("/api/v1/org-members", callersFromB.get("key")).status()).isEqualTo(403);
    }
}
