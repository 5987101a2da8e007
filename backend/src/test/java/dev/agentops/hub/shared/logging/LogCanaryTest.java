package dev.agentops.hub.shared.logging;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestOutbox;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushes canary secrets through requests (successful and failing) and through direct log calls, in both log
 * formats, and asserts that none of them reaches the log output while the surrounding lines do.
 */
@MicronautTest(transactional = false)
class LogCanaryTest extends AppTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogCanaryTest.class);

    static final String PASSWORD = "Canary-Passw0rd-7f3a";
    static final String API_KEY = "aoh_CanaryKey7f3aQwErTyUiOpAsDfGhJkL";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnk3ZjNhIn0.c2lnbmF0dXJlQ2FuYXJ5N2YzYQ";
    static final String REFRESH = "rt_Canary7f3aRefreshTokenValue";
    static final String TICKET = "Canary7f3aTicket";

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void secretsNeverReachTheLogs(String format) {
        String output;
        try (CapturedLogs logs = new CapturedLogs(format)) {
            sendRequestsCarryingSecrets();
            logSecretsDirectly();
            output = logs.text();
        }
        assertThat(output).as("captured log output").contains("Unexpected error occurred").contains(SecretRedactor.MASK);
        for (String secret : List.of(PASSWORD, API_KEY, JWT, REFRESH, TICKET, "CanaryKey7f3a", "c2lnbmF0dXJlQ2FuYXJ5N2YzYQ")) {
            assertThat(output).as("log output must not contain " + secret).doesNotContain(secret);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void identitySecretsNeverReachTheLogs(String format) {
        Api api = new Api(client);
        List<String> secrets = new ArrayList<>();
        String output;
        try (CapturedLogs logs = new CapturedLogs(format)) {
            Api.Session admin = api.signup();
            secrets.addAll(List.of(Api.PASSWORD, admin.accessToken(), admin.refreshToken()));
            var refreshed = api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", admin.refreshToken()), null);
            secrets.add(String.valueOf(refreshed.data().get("refresh_token")));
            api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", admin.refreshToken()), null);
            // the reuse above ended the session and its access token: carry on with a new login
            Api.Session session = api.login(admin.email(), Api.PASSWORD);
            secrets.addAll(List.of(session.accessToken(), session.refreshToken()));

            String key = api.apiKey(session, "read");
            secrets.add(key);
            api.get("/api/v1/orgs/profile", key);
            api.get("/api/v1/org-members", "aoh_" + "x".repeat(40));

            var enrolment = api.post("/api/v1/auth/mfa/enroll", null, session.accessToken()).data();
            String totpSecret = String.valueOf(enrolment.get("secret"));
            secrets.add(totpSecret);
            var recovery = api.post("/api/v1/auth/mfa/confirm",
                Map.of("code", new dev.agentops.hub.auth.TotpCodes().current(totpSecret)), session.accessToken()).data();
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) recovery.get("recovery_codes");
            secrets.addAll(codes);

            var invite = api.post("/api/v1/org-members", Map.of("email", "inv-" + admin.email(), "role", "viewer"), session.accessToken()).data();
            String inviteUrl = String.valueOf(invite.get("invite_url"));
            String inviteToken = inviteUrl.substring(inviteUrl.indexOf("token=") + 6);
            secrets.add(inviteToken);
            api.get("/api/v1/auth/invitations/" + inviteToken, null);
            api.post("/api/v1/auth/accept-invite", Map.of("token", inviteToken, "password", PASSWORD, "full_name", "I"), null);

            String newcomer = "new-" + admin.email();
            var signup = api.post("/api/v1/auth/signup", Map.of("email", newcomer, "password", PASSWORD,
                "full_name", "N", "organization_name", "N"), null).data();
            String signupToken = Api.tokenOf(String.valueOf(signup.get("confirm_url")));
            secrets.add(signupToken);
            api.post("/api/v1/auth/signup", Map.of("email", admin.email(), "password", PASSWORD, "full_name", "N", "organization_name", "N"), null);
            TestOutbox.latestMail(admin.email(), "already has one");
            api.confirmSignup(signupToken);
            api.confirmSignup(signupToken);

            api.post("/api/v1/auth/password-reset", Map.of("email", admin.email()), null);
            String resetToken = TestOutbox.latestLink(admin.email(), "/reset-password");
            secrets.add(resetToken);
            api.post("/api/v1/auth/password-reset/confirm", Map.of("token", resetToken, "new_password", "short"), null);
            output = logs.text();
        }
        assertThat(output).as("captured log output").contains("/api/v1/auth/login");
        for (String secret : secrets) {
            assertThat(output).as("log output must not contain a secret").doesNotContain(secret);
        }
    }

    private void sendRequestsCarryingSecrets() {
        attempt(HttpRequest.GET("/api/v1/nope?token=" + REFRESH + "&ticket=" + TICKET)
            .header("Authorization", "Bearer " + JWT).header("X-API-Key", API_KEY));
        attempt(HttpRequest.GET("/health").header("Authorization", "Bearer " + API_KEY));
        attempt(HttpRequest.POST("/api/test-probe/explode", Map.of("email", "a@b.co", "password", PASSWORD)));
        attempt(HttpRequest.POST("/api/test-probe/echo", "{\"password\": \"" + PASSWORD + "\", \"email\": ")
            .contentType(MediaType.APPLICATION_JSON));
        attempt(HttpRequest.POST("/api/test-probe/echo", Map.of("email", API_KEY, "password", PASSWORD, "retry_count", 0))
            .header("Authorization", "Bearer " + JWT));
    }

    private void logSecretsDirectly() {
        LOG.info("login attempt body {}", "{\"email\":\"a@b.co\",\"password\":\"" + PASSWORD + "\"}");
        LOG.info("refresh with refresh_token={} and header Authorization: Bearer {}", REFRESH, JWT);
        LOG.warn("key {} rejected", API_KEY);
        LOG.error("call failed", new IllegalStateException("upstream said api_key=" + API_KEY + " token: " + REFRESH));
    }

    private void attempt(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException expected) {
            // failing requests are part of the corpus: their error paths log too
        }
    }
}
