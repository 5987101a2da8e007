package dev.agentops.hub.auth;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.agentops.hub.support.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MfaFlowTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MfaChallenges challenges;

    private final Totp totp = new Totp();

    @Test
    void aSeedSealedUnderAnotherServerSecretAnswers409AndRecoveryCodesStillWork() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String secret = String.valueOf(api.post("/api/v1/auth/mfa/enroll", null, admin.accessToken()).data().get("secret"));
        var confirmed = api.post("/api/v1/auth/mfa/confirm", Map.of("code", totp.codeAt(secret, Instant.now())), admin.accessToken());
        @SuppressWarnings("unchecked")
        List<String> recoveryCodes = (List<String>) confirmed.data().get("recovery_codes");
        // what AGENTOPS_SECRET rotation leaves behind: a seed this server's key cannot open
        String sealedElsewhere = "v1:" + java.util.Base64.getEncoder().encodeToString(new byte[12 + 16 + 32]);
        try (java.sql.Connection owner = dev.agentops.hub.support.TestDatabase.ownerConnection()) {
            dev.agentops.hub.support.Sql.update(owner, "update users set mfa_secret = ? where email = ?", sealedElsewhere, admin.email());
        }

        var code = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challengeOf(api, admin.email()),
            "code", totp.codeAt(secret, Instant.now())), null);
        assertThat(code.status()).isEqualTo(409);
        assertThat(code.code()).isEqualTo("mfa_seed_unreadable");
        assertThat(String.valueOf(code.body().get("error"))).contains("recovery codes");

        var recovery = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challengeOf(api, admin.email()),
            "code", recoveryCodes.get(0)), null);
        assertThat(recovery.status()).isEqualTo(200);
    }

    @Test
    void enrolledUsersNeedACodeThatWorksOnlyOnce() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        var enrolment = api.post("/api/v1/auth/mfa/enroll", null, admin.accessToken());
        assertThat(enrolment.status()).isEqualTo(200);
        String secret = String.valueOf(enrolment.data().get("secret"));
        assertThat(String.valueOf(enrolment.data().get("otpauth_uri"))).startsWith("otpauth://totp/").contains(secret);

        var wrong = api.post("/api/v1/auth/mfa/confirm", Map.of("code", "000000"), admin.accessToken());
        assertThat(wrong.status()).isEqualTo(400);
        var confirmed = api.post("/api/v1/auth/mfa/confirm", Map.of("code", totp.codeAt(secret, Instant.now())), admin.accessToken());
        assertThat(confirmed.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<String> recoveryCodes = (List<String>) confirmed.data().get("recovery_codes");
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();

        var login = api.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", PASSWORD), null);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.code()).isEqualTo("mfa_required");
        @SuppressWarnings("unchecked")
        String challenge = String.valueOf(((Map<String, Object>) login.body().get("details")).get("challenge"));
        assertThat(login.body()).doesNotContainKey("data");

        // the confirm above used the current step; the next step's code is still inside the ±1 window
        String nextCode = totp.codeAt(secret, Instant.now().plusSeconds(30));
        var verified = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challenge, "code", nextCode), null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.data()).containsKeys("access_token", "refresh_token");

        var replay = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challenge, "code", nextCode), null);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("invalid_mfa_code");
        var stale = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challenge, "code", totp.codeAt(secret, Instant.now())), null);
        assertThat(stale.status()).as("a code of an earlier step than the last accepted one").isEqualTo(401);

        // a challenge gives one session: a recovery code needs a new login
        String secondChallenge = challengeOf(api, admin.email());
        var recovery = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", secondChallenge, "code", recoveryCodes.get(0)), null);
        assertThat(recovery.status()).isEqualTo(200);
        var recoveryAgain = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challengeOf(api, admin.email()),
            "code", recoveryCodes.get(0)), null);
        assertThat(recoveryAgain.status()).isEqualTo(401);
        assertThat(recoveryAgain.code()).isEqualTo("invalid_mfa_code");

        var forged = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challenge.substring(0, challenge.length() - 2) + "xx",
            "code", recoveryCodes.get(1)), null);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("invalid_token");

        var audit = api.get("/api/v1/audit-logs?action=auth.mfa_enabled", admin.accessToken());
        assertThat(audit.list()).hasSize(1);
    }

    @Test
    void aSignInChallengeIsNeverAcceptedAsAnAccessToken() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String challenge = challenges.issue(admin.userId(), admin.organizationId(), Long.MAX_VALUE);
        assertThat(challenge).as("fits MfaVerifyRequest.challenge").hasSizeLessThanOrEqualTo(300);

        var me = api.get("/api/v1/auth/me", challenge);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.code()).isEqualTo("unauthenticated");
        assertThat(challenges.open(challenge)).isPresent();
        assertThat(challenges.open(admin.accessToken())).as("an access token is no challenge").isEmpty();
    }

    private static String challengeOf(Api api, String email) {
        var login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        return String.valueOf(((Map<?, ?>) login.body().get("details")).get("challenge"));
    }
}
