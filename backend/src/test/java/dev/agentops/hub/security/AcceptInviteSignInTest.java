package dev.agentops.hub.security;

import dev.agentops.hub.auth.TotpCodes;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (high): accepting an invitation for an existing account was an unlimited, unaudited password oracle, and
 * (medium) skipped the second factor. It now passes the gates of login: per-account limit, audit rows, 2FA.
 */
@MicronautTest(transactional = false)
class AcceptInviteSignInTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.rate-limits.login-account", "3/1h burst 3");
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
    }

    @Test
    void wrongPasswordsForAnExistingAccountAreAuditedAndStopAtTheLoginLimit() {
        Api.Session inviter = api.signup();
        Api.Session victim = api.signup();
        String token = SecurityFixture.inviteToken(api, inviter, victim.email());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var guess = api.post("/api/v1/auth/accept-invite", Map.of("token", token, "password", "guess number " + i + " xx",
                "full_name", "Mallory"), null);
            assertThat(guess.code()).isEqualTo("invalid_credentials");
            statuses.add(guess.status());
        }
        var refused = api.post("/api/v1/auth/accept-invite", Map.of("token", token, "password", Api.PASSWORD, "full_name", "Mallory"), null);

        assertThat(statuses).containsExactly(401, 401, 401);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        var inviterAudit = api.get("/api/v1/audit-logs?action=auth.login_failed", inviter.accessToken()).list();
        assertThat(inviterAudit).hasSize(3).allSatisfy(row -> assertThat(row.get("changes").toString()).contains("accept_invite"));
        var victimAudit = api.get("/api/v1/audit-logs?action=auth.login_failed", victim.accessToken()).list();
        assertThat(victimAudit).as("the account owner's organization sees the failures too").hasSize(3);
    }

    @Test
    void anAccountWithTwoFactorNeedsItsCodeToAcceptAnInvitation() {
        Api.Session inviter = api.signup();
        Api.Session user = api.signup();
        String secret = SecurityFixture.enableMfa(api, user);
        String token = SecurityFixture.inviteToken(api, inviter, user.email());

        var withoutCode = api.post("/api/v1/auth/accept-invite", Map.of("token", token, "password", Api.PASSWORD, "full_name", "U"), null);
        var wrongCode = api.post("/api/v1/auth/accept-invite", Map.of("token", token, "password", Api.PASSWORD, "full_name", "U",
            "code", "000000"), null);
        var withCode = api.post("/api/v1/auth/accept-invite", Map.of("token", token, "password", Api.PASSWORD, "full_name", "U",
            "code", new TotpCodes().next(secret)), null);

        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.code()).isEqualTo("mfa_required");
        assertThat(withoutCode.body()).doesNotContainKey("data");
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.code()).isEqualTo("invalid_mfa_code");
        assertThat(withCode.status()).isEqualTo(200);
        assertThat(withCode.data()).containsKey("access_token");
        assertThat(api.get("/api/v1/audit-logs?action=auth.login_failed", inviter.accessToken()).list()).hasSize(1);
    }

    @Test
    void aNewAddressStillJoinsWithTheChosenPassword() {
        Api.Session inviter = api.signup();
        Api.Session member = api.member(inviter, "viewer");

        assertThat(api.get("/api/v1/auth/me", member.accessToken()).status()).isEqualTo(200);
    }
}
