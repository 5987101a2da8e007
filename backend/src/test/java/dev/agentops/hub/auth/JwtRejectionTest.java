package dev.agentops.hub.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens that are forged, unsigned, expired or meant for someone else never authenticate. */
@MicronautTest(transactional = false)
class JwtRejectionTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;

    @BeforeAll
    void signUp() {
        api = new Api(client);
        admin = api.signup();
    }

    @Test
    void aCorrectlyMadeTokenIsAccepted() throws Exception {
        assertThat(api.get("/api/v1/auth/me", token(SERVER_SECRET, "agentops-hub", "agentops-hub-api", 300)).status()).isEqualTo(200);
    }

    @Test
    void unsignedTokensAreRejected() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"" + admin.userId() + "\",\"org_id\":\"" + admin.organizationId()
            + "\",\"role\":\"admin\",\"actor_type\":\"user\",\"iss\":\"agentops-hub\",\"aud\":\"agentops-hub-api\",\"exp\":"
            + (Instant.now().getEpochSecond() + 300) + "}");
        assertRejected(header + "." + payload + ".");
    }

    @Test
    void tokensSignedWithAnotherKeyAreRejected() throws Exception {
        assertRejected(token("another-secret-0123456789-0123456789-01234", "agentops-hub", "agentops-hub-api", 300));
    }

    @Test
    void expiredTokensAreRejectedAsExpired() throws Exception {
        var response = api.get("/api/v1/auth/me", token(SERVER_SECRET, "agentops-hub", "agentops-hub-api", -60));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("token_expired");
    }

    @Test
    void tokensOfAnotherIssuerOrAudienceAreRejected() throws Exception {
        assertRejected(token(SERVER_SECRET, "someone-else", "agentops-hub-api", 300));
        assertRejected(token(SERVER_SECRET, "agentops-hub", "another-api", 300));
    }

    @Test
    void garbageIsRejected() {
        assertRejected("not-a-jwt");
        assertRejected("eyJhbGciOiJIUzI1NiJ9.e30.e30");
    }

    private void assertRejected(String token) {
        var response = api.get("/api/v1/auth/me", token);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isIn("unauthenticated", "token_expired");
    }

    private String token(String secret, String issuer, String audience, long secondsToLive) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
            .subject(admin.userId().toString()).issuer(issuer).audience(audience)
            .issueTime(Date.from(now.minusSeconds(120))).notBeforeTime(Date.from(now.minusSeconds(120)))
            .expirationTime(Date.from(now.plusSeconds(secondsToLive)))
            .claim("org_id", admin.organizationId().toString()).claim("role", "admin").claim("actor_type", "user")
            .claim("roles", List.of("admin")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
