package dev.agentops.hub.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentops.hub.auth.TotpCodes;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per finding of the black-box probe (issue #11), each failing before its fix. */
@MicronautTest(transactional = false)
class SecurityFindingsTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;
    String ingestKey;

    @BeforeAll
    void setUp() {
        api = new Api(client);
        admin = api.signup();
        ingestKey = api.apiKey(admin, "ingest");
        api.post("/api/v1/agents", Map.of("name", "Support bot", "slug", "support-bot"), admin.accessToken());
    }

    @Test
    void aTwoFactorChallengeGivesAtMostOneSession() {
        Api.Session user = api.signup();
        String secret = String.valueOf(api.post("/api/v1/auth/mfa/enroll", null, user.accessToken()).data().get("secret"));
        var confirmed = api.post("/api/v1/auth/mfa/confirm", Map.of("code", new TotpCodes().current(secret)), user.accessToken());
        @SuppressWarnings("unchecked")
        List<String> recoveryCodes = (List<String>) confirmed.data().get("recovery_codes");
        var login = api.post("/api/v1/auth/login", Map.of("email", user.email(), "password", Api.PASSWORD), null);
        String challenge = String.valueOf(((Map<?, ?>) login.body().get("details")).get("challenge"));

        var first = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challenge, "code", new TotpCodes().next(secret)), null);
        var second = api.post("/api/v1/auth/mfa/verify", Map.of("challenge", challenge, "code", recoveryCodes.get(0)), null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.code()).isEqualTo("invalid_token");
    }

    @Test
    void logoutEndsTheAccessTokenAtOnceOnEveryInstance() throws Exception {
        Api.Session user = api.signup();
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test");
             HttpClient otherClient = other.getApplicationContext().createBean(HttpClient.class, other.getURL())) {
            Api otherApi = new Api(otherClient);
            assertThat(otherApi.get("/api/v1/auth/me", user.accessToken()).status()).as("cached as live there").isEqualTo(200);

            var logout = api.post("/api/v1/auth/logout", Map.of("refresh_token", user.refreshToken()), user.accessToken());

            assertThat(logout.status()).isEqualTo(204);
            var here = api.get("/api/v1/auth/me", user.accessToken());
            assertThat(here.status()).isEqualTo(401);
            assertThat(here.code()).isEqualTo("unauthenticated");
            Api.Response there = null;
            for (int i = 0; i < 40 && (there == null || there.status() != 401); i++) {
                Thread.sleep(50);
                there = otherApi.get("/api/v1/auth/me", user.accessToken());
            }
            assertThat(there.status()).as("refused on the other instance within 2 s (Redis pub/sub)").isEqualTo(401);
            assertThat(there.code()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void reusingASpentRefreshTokenEndsTheFamilysAccessTokens() {
        Api.Session user = api.signup();
        var rotated = api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", user.refreshToken()), null);
        String newAccess = String.valueOf(rotated.data().get("access_token"));
        assertThat(api.get("/api/v1/auth/me", newAccess).status()).isEqualTo(200);

        var reuse = api.post("/api/v1/auth/refresh-token", Map.of("refresh_token", user.refreshToken()), null);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", newAccess).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", admin.accessToken()).status()).as("other sessions live on").isEqualTo(200);
    }

    @Test
    void anExpiredTokenSignedWithAnotherSecretIsUnauthenticatedNotExpired() throws Exception {
        var forged = api.get("/api/v1/auth/me", expiredToken("another-secret-0123456789-0123456789-0123"));
        var genuine = api.get("/api/v1/auth/me", expiredToken(SERVER_SECRET));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("unauthenticated");
        assertThat(genuine.status()).isEqualTo(401);
        assertThat(genuine.code()).isEqualTo("token_expired");
    }

    @Test
    void nulAndLoneSurrogatesInTextFieldsAre400NamingTheField() {
        String nul = "\\u0000";
        String surrogate = "\\ud800";
        assertRefused(raw("POST", "/api/v1/agents", "{\"name\":\"bad" + nul + "name\"}", admin.accessToken()), "name");
        assertRefused(raw("POST", "/api/v1/agents", "{\"name\":\"bad" + surrogate + "name\"}", admin.accessToken()), "name");
        assertRefused(raw("PATCH", "/api/v1/orgs/profile", "{\"name\":\"Org" + nul + "\"}", admin.accessToken()), "name");
        assertRefused(raw("POST", "/api/v1/auth/signup", "{\"email\":\"a@example.com\",\"password\":\"" + Api.PASSWORD
            + "\",\"full_name\":\"A" + surrogate + "\",\"organization_name\":\"O\"}", null), "full_name");
        assertRefused(raw("POST", "/api/v1/auth/login", "{\"email\":\"a" + nul + "@example.com\",\"password\":\"x\"}", null), "email");
        assertRefused(api.get("/api/v1/runs?q=a%00b", admin.accessToken()), "q");
        assertRefused(api.get("/api/v1/runs?model=%00", admin.accessToken()), "model");
        assertRefused(api.get("/api/v1/audit-logs?action=auth%00", admin.accessToken()), "action");
    }

    @Test
    void ingestRefusesBeforeThe202WhatTheDatabaseCouldNotStore() {
        String run = "\"agent_id\":\"support-bot\",\"run_id\":\"r-" + System.nanoTime() + "\"";
        String event = "{\"event_id\":\"e1\",\"event_type\":\"custom\",\"timestamp\":\"" + Instant.now() + "\",\"payload\":";
        Map<String, String> bodies = Map.of(
            "run_id", "{\"agent_id\":\"support-bot\",\"run_id\":\"r\\u0000\"}",
            "input.question", "{" + run + ",\"input\":{\"question\":\"why\\u0000\"}}",
            "tags[1]", "{" + run + ",\"tags\":[\"ok\",\"b\\u0000d\"]}",
            "events[0].payload.note", "{" + run + ",\"events\":[" + event + "{\"note\":\"x\\u0000\"}}]}",
            "events[0].payload.k\uFFFDy (a key)", "{" + run + ",\"events\":[" + event + "{\"k\\u0000y\":1}}]}",
            "metadata.text", "{" + run + ",\"metadata\":{\"text\":\"\\udc00\"}}",
            "metadata.big", "{" + run + ",\"metadata\":{\"big\":123456789012345678901234567890}}",
            "metadata.huge", "{" + run + ",\"metadata\":{\"huge\":1e400}}",
            "input[0]", "{" + run + ",\"input\":[-1e999]}");
        for (var body : bodies.entrySet()) {
            assertRefused(raw("POST", "/api/v1/ingest/run", body.getValue(), ingestKey), body.getKey());
        }
        var fine = raw("POST", "/api/v1/ingest/run", "{" + run + ",\"input\":{\"emoji\":\"\\ud83d\\ude00 ok\"}}", ingestKey);
        assertThat(fine.status()).as(fine.body().toString()).isEqualTo(202);
    }

    @Test
    void htmlPagesCarryBrowserSecurityHeaders() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/login"), String.class);
        String csp = page.getHeaders().get("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self';", "object-src 'none'");
        assertThat(page.getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeaders().get("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.getHeaders().get("Permissions-Policy")).contains("camera=()");
        assertThat(page.getHeaders().get("Strict-Transport-Security")).as("plain HTTP").isNull();

        HttpResponse<String> behindTls = client.toBlocking().exchange(HttpRequest.GET("/login").header("X-Forwarded-Proto", "https"), String.class);
        assertThat(behindTls.getHeaders().get("Strict-Transport-Security")).startsWith("max-age=");

        HttpResponse<String> docs = client.toBlocking().exchange(HttpRequest.GET("/swagger/views/swagger-ui/index.html"), String.class);
        assertThat(docs.getHeaders().get("Content-Security-Policy")).contains("'sha256-", "frame-ancestors 'none'");
    }

    @Test
    void oversizedHeadersAre431AndOverlongUrisAre414WithTheEnvelope() {
        var headers = rawExchange(HttpRequest.GET("/api/v1/auth/me").header("X-Padding", "x".repeat(20_000)));
        var uri = rawExchange(HttpRequest.GET("/api/v1/runs?q=" + "x".repeat(10_000)));

        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.code()).isEqualTo("headers_too_large");
        assertThat(headers.body().get("request_id")).isNotNull();
        assertThat(uri.status()).isEqualTo(414);
        assertThat(uri.code()).isEqualTo("uri_too_long");
        assertThat(uri.body().get("request_id")).isNotNull();
    }

    @Test
    void adminsCannotChangeTheirOwnPlan() {
        String before = String.valueOf(api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("plan"));

        api.call("PATCH", "/api/v1/orgs/profile", Map.of("plan", "enterprise".equals(before) ? "free" : "enterprise"), admin.accessToken());

        assertThat(api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("plan")).isEqualTo(before);
    }

    @Test
    void postsThatCreateAResourceAnswerWithItsLocation() {
        var key = api.post("/api/v1/api-keys", Map.of("name", "located", "scopes", List.of("read")), admin.accessToken());
        var invite = api.post("/api/v1/org-members", Map.of("email", "loc-" + System.nanoTime() + "@example.com", "role", "viewer"),
            admin.accessToken());
        var agent = api.post("/api/v1/agents", Map.of("name", "Located agent"), admin.accessToken());

        assertThat(key.header("Location")).isEqualTo("/api/v1/api-keys/" + key.data().get("id"));
        assertThat(invite.header("Location")).isEqualTo("/api/v1/org-members/" + invite.data().get("id"));
        assertThat(agent.header("Location")).isEqualTo("/api/v1/agents/" + agent.data().get("id"));
    }

    private Api.Response raw(String method, String path, String json, String credential) {
        MutableHttpRequest<Object> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path)
            .contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8));
        if (credential != null && credential.startsWith("aoh_")) {
            request.header("X-API-Key", credential);
        } else if (credential != null) {
            request.bearerAuth(credential);
        }
        return rawExchange(request);
    }

    private Api.Response rawExchange(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
            return new Api.Response(response.code(), response.getBody().orElse(Map.of()), response);
        } catch (HttpClientResponseException e) {
            return new Api.Response(e.getStatus().getCode(),
                e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of()), e.getResponse());
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.code()).as(field).isEqualTo("validation_failed");
        List<Map<String, Object>> fields = (List<Map<String, Object>>) ((Map<String, Object>) response.body().get("details")).get("fields");
        assertThat(fields).extracting(f -> f.get("field")).as(field).contains(field);
    }

    private String expiredToken(String secret) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
            .subject(admin.userId().toString()).issuer("agentops-hub").audience("agentops-hub-api")
            .issueTime(Date.from(now.minusSeconds(1200))).expirationTime(Date.from(now.minusSeconds(60)))
            .claim("org_id", admin.organizationId().toString()).claim("role", "admin").claim("actor_type", "user").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
