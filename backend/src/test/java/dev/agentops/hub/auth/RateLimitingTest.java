package dev.agentops.hub.auth;

import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits as clients meet them: exact counts, the 429 envelope and headers, and refused requests change nothing. */
@MicronautTest(transactional = false)
class RateLimitingTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
            "agentops.rate-limits.login-account", "3/1h burst 3",
            "agentops.rate-limits.api-key", "5/1h burst 5");
    }

    @Test
    void loginsPerAccountStopAtTheBurstAndARefusedLoginChangesNothing() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(api.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", "wrong password " + i), null).status());
        }
        assertThat(statuses).containsExactly(401, 401, 401);
        long auditRowsBefore = api.get("/api/v1/audit-logs?limit=200", admin.accessToken()).list().size();

        var refused = api.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", Api.PASSWORD), null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("RateLimit-Reset")).isNotBlank();
        assertThat(api.get("/api/v1/audit-logs?limit=200", admin.accessToken()).list()).hasSize((int) auditRowsBefore);
    }

    @Test
    void apiKeysGetExactlyTheirBurstThen429WithHeaders() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String key = api.apiKey(admin, "read");
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(api.get("/api/v1/orgs/profile", key));
        }
        assertThat(responses).extracting(Api.Response::status).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        assertThat(responses.get(0).header("RateLimit-Limit")).isEqualTo("5");
        assertThat(responses.get(0).header("RateLimit-Remaining")).isEqualTo("4");
        assertThat(responses.get(4).header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(responses.get(5).code()).isEqualTo("rate_limited");
        assertThat(responses.get(5).header("Retry-After")).isNotBlank();
        assertThat(api.get("/api/v1/orgs/profile", admin.accessToken()).status()).as("users are not limited by the key's bucket").isEqualTo(200);
    }

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Test
    void failedLoginsFromOneAddressDoNotLockTheAccountForAnother() {
        Api api = new Api(client);
        Api.Session owner = api.signup();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", "attacker guess " + i), null);
        }

        var sameAddress = api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", Api.PASSWORD), null);

        assertThat(sameAddress.status()).isEqualTo(429);
        assertThat(sameAddress.header("RateLimit-Reset")).as("agrees with Retry-After").isEqualTo(sameAddress.header("Retry-After"));
        assertThat(limiter.consume(limits.loginAccount(), LoginService.accountKey(owner.email(), "198.51.100.7"), 1).allowed())
            .as("the owner's own address has its own allowance").isTrue();
    }
}
