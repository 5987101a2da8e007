package dev.agentops.hub.orgs;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MemberApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theLastAdminCanNeitherBeDemotedNorRemoved() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String self = api.get("/api/v1/org-members", admin.accessToken()).list().get(0).get("id").toString();
        var demote = api.call("PATCH", "/api/v1/org-members/" + self, Map.of("role", "member"), admin.accessToken());
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.code()).isEqualTo("last_admin");
        var remove = api.call("DELETE", "/api/v1/org-members/" + self, null, admin.accessToken());
        assertThat(remove.code()).isEqualTo("last_admin");

        Api.Session second = api.member(admin, "admin");
        assertThat(api.call("PATCH", "/api/v1/org-members/" + self, Map.of("role", "viewer"), second.accessToken()).status())
            .as("with another admin the demotion is fine").isEqualTo(200);
    }

    @Test
    void invitationsAreValidatedAndListedWithoutSecrets() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        var bad = api.post("/api/v1/org-members", Map.of("email", "not-an-email", "role", "owner"), admin.accessToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(String.valueOf(bad.body().get("details"))).contains("email").contains("role");
        var invite = api.post("/api/v1/org-members", Map.of("email", "New@Example.com", "role", "viewer", "teams", List.of("ml", "ml", "ops")),
            admin.accessToken());
        assertThat(invite.status()).isEqualTo(201);
        assertThat(invite.data()).containsEntry("email", "new@example.com").containsEntry("status", "invited")
            .containsEntry("teams", List.of("ml", "ops"));
        assertThat(api.post("/api/v1/org-members", Map.of("email", "new@example.com", "role", "viewer"), admin.accessToken()).code())
            .isEqualTo("duplicate");
        var listed = api.get("/api/v1/org-members", admin.accessToken()).list();
        assertThat(String.valueOf(listed)).doesNotContain("token");

        api.apiKey(admin, "read");
        var keys = api.get("/api/v1/api-keys", admin.accessToken()).list();
        assertThat(keys.get(0)).doesNotContainKeys("key", "key_hash").containsKeys("prefix", "scopes", "last_used_at");
    }
}
