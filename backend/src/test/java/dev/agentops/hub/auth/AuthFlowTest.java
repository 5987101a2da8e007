package dev.agentops.hub.auth;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestOutbox;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static dev.agentops.hub.support.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthFlowTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void signupCreatesTheOrganizationWithItsFirstUserAsAdmin() {
        Api.Session admin = api.signup();
        var me = api.get("/api/v1/auth/me", admin.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data()).containsEntry("role", "admin");
        assertThat(String.valueOf(me.data().get("permissions"))).contains("members:manage", "audit:read");
        var audit = api.get("/api/v1/audit-logs", admin.accessToken());
        assertThat(audit.list()).extracting(row -> row.get("action")).contains("organization.created", "auth.signup");
    }

    @Test
    void signupRejectsShortPasswords() {
        var weak = api.post("/api/v1/auth/signup", Map.of("email", "weak@example.com", "password", "short",
            "full_name", "W", "organization_name", "W"), null);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("validation_failed");
    }

    @Test
    void loginErrorsNeverRevealWhetherTheEmailExists() {
        Api.Session admin = api.signup();
        var wrongPassword = api.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", "wrong password 123"), null);
        var unknownEmail = api.post("/api/v1/auth/login", Map.of("email", "nobody-" + admin.email(), "password", "wrong password 123"), null);
        assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownEmail.status());
        assertThat(wrongPassword.code()).isEqualTo("invalid_credentials").isEqualTo(unknownEmail.code());
        assertThat(wrongPassword.body().get("error")).isEqualTo(unknownEmail.body().get("error"));
        var audit = api.get("/api/v1/audit-logs?action=auth.login_failed", admin.accessToken());
        assertThat(audit.list()).hasSize(1);
    }

    @Test
    void refreshRotatesAndReusingADeadTokenKillsTheFamily() {
        Api.Session admin = api.signup();
        var first = api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", admin.refreshToken()), null);
        assertThat(first.status()).isEqualTo(200);
        String rotated = String.valueOf(first.data().get("refresh_token"));
        assertThat(rotated).isNotEqualTo(admin.refreshToken());

        var reuse = api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", admin.refreshToken()), null);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("invalid_token");
        var afterReuse = api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", rotated), null);
        assertThat(afterReuse.status()).as("the whole family is revoked after a reuse").isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", admin.accessToken()).status()).as("its access tokens die with it").isEqualTo(401);
        String fresh = api.login(admin.email(), Api.PASSWORD).accessToken();
        var audit = api.get("/api/v1/audit-logs?action=auth.refresh_token_reused", fresh);
        assertThat(audit.list()).as("both presentations of a dead token are audited").hasSize(2);
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenLetExactlyOneThrough() throws Exception {
        Api.Session admin = api.signup();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> refresh = () -> {
            start.await();
            return api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", admin.refreshToken()), null).status();
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(refresh);
            var b = pool.submit(refresh);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 401);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutRevokesTheSession() {
        Api.Session admin = api.signup();
        var logout = api.post("/api/v1/auth/logout", Map.of("refresh_token", admin.refreshToken()), admin.accessToken());
        assertThat(logout.status()).isEqualTo(204);
        var refresh = api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", admin.refreshToken()), null);
        assertThat(refresh.status()).isEqualTo(401);
    }

    @Test
    void passwordResetIsSingleUseAndEndsEverySession() {
        Api.Session admin = api.signup();
        var unknown = api.post("/api/v1/auth/password-reset", Map.of("email", "nobody-" + admin.email()), null);
        var known = api.post("/api/v1/auth/password-reset", Map.of("email", admin.email()), null);
        assertThat(unknown.status()).isEqualTo(202).isEqualTo(known.status());
        assertThat(unknown.body()).isEqualTo(known.body());

        String token = TestOutbox.latestLink(admin.email(), "/reset-password");
        String newPassword = "a brand new passphrase";
        var confirm = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "new_password", newPassword), null);
        assertThat(confirm.status()).isEqualTo(204);
        var again = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "new_password", newPassword), null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("invalid_token");

        assertThat(api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", admin.refreshToken()), null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD), null).status()).isEqualTo(401);
        assertThat(api.login(admin.email(), newPassword).accessToken()).isNotBlank();
    }

    @Test
    void invitationsAreAcceptedOnceAndTheMemberCanLogIn() {
        Api.Session admin = api.signup();
        Api.Session member = api.member(admin, "member");
        var me = api.get("/api/v1/auth/me", member.accessToken());
        assertThat(me.data()).containsEntry("role", "member");
        assertThat(me.data().get("teams")).isEqualTo(List.of("ml"));
        assertThat(api.login(member.email(), PASSWORD).organizationId()).isEqualTo(admin.organizationId());
        var members = api.get("/api/v1/org-members", admin.accessToken());
        assertThat(members.list()).extracting(m -> m.get("status")).containsOnly("active");
    }

    @Test
    void removingAMemberEndsTheirSessions() throws Exception {
        Api.Session admin = api.signup();
        Api.Session member = api.member(admin, "member");
        String memberId = api.get("/api/v1/org-members", admin.accessToken()).list().stream()
            .filter(m -> member.email().equals(m.get("email"))).findFirst().orElseThrow().get("id").toString();
        assertThat(api.call("DELETE", "/api/v1/org-members/" + memberId, null, admin.accessToken()).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", member.refreshToken()), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit-logs?action=member.removed", admin.accessToken()).list()).hasSize(1);
        try (var owner = dev.agentops.hub.support.TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            dev.agentops.hub.support.Sql.column(owner, "select set_config('app.org_id', ?, true)", admin.organizationId().toString());
            assertThat(dev.agentops.hub.support.Sql.column(owner,
                "select revoked_reason from refresh_tokens where user_id = ?", member.userId())).containsOnly("removed");
            owner.rollback();
        }
    }
}
