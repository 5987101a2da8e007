package dev.agentops.hub.security;

import dev.agentops.hub.shared.ratelimit.RateLimit;
import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signup and its confirmation are limited per IP like the other anonymous auth endpoints, and the limit answers the
 * same for a new and a taken address. Tests come from one address whose buckets other test classes use too, so each
 * test first spends what is left of the bucket, then checks the request that follows.
 */
@MicronautTest(transactional = false)
class SignupRateLimitTest extends AppTest {

    /** The test client's address, whichever loopback form the server sees. */
    private static final List<String> TEST_IPS = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Inject
    StatefulRedisConnection<String, String> redis;

    /** Later test classes (with relaxed limits) share these Redis buckets: start them afresh. */
    @AfterAll
    void dropTheSpentBuckets() {
        for (String pattern : List.of("rl:signup_ip:*", "rl:login_ip:*")) {
            List<String> keys = redis.sync().keys(pattern);
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.rate-limits.signup-ip", "3/1h burst 3", "agentops.rate-limits.login-ip", "3/1h burst 3");
    }

    @Test
    void signupOverTheLimitIs429ForEveryAddressAndCreatesNothing() throws Exception {
        Api api = new Api(client);
        spend(limits.signupIp());
        String fresh = "limited-" + UUID.randomUUID() + "@example.com";

        Api.Response forNew = signup(api, fresh);
        Api.Response again = signup(api, fresh);

        assertThat(forNew.status()).isEqualTo(429).isEqualTo(again.status());
        assertThat(forNew.code()).isEqualTo("rate_limited");
        assertThat(forNew.header("Retry-After")).isNotBlank();
        try (var owner = TestDatabase.ownerConnection()) {
            assertThat(Sql.count(owner, "select count(*) from signup_requests where email = ?", fresh)).isZero();
        }
    }

    @Test
    void confirmationOverTheLimitIs429AndLeavesTheLinkUnspent() throws Exception {
        Api api = new Api(client);
        String token = "limit-test-" + UUID.randomUUID();
        String email = "pending-" + UUID.randomUUID() + "@example.com";
        try (var owner = TestDatabase.ownerConnection()) {
            Sql.update(owner, """
                insert into signup_requests (token_hash, email, password_hash, full_name, organization_name, expires_at)
                values (?, ?, 'not-a-hash', 'Pending', 'Pending Org', now() + interval '1 hour')""", Secrets.sha256(token), email);
        }
        spend(limits.loginIp());

        Api.Response refused = api.confirmSignup(token);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        try (var owner = TestDatabase.ownerConnection()) {
            assertThat(Sql.count(owner, "select count(*) from signup_requests where email = ? and used_at is null", email)).isEqualTo(1);
            assertThat(Sql.count(owner, "select count(*) from users where email = ?", email)).isZero();
        }
    }

    private void spend(RateLimit limit) {
        for (String ip : TEST_IPS) {
            for (int i = 0; i < 100 && limiter.consume(limit, ip, 1).allowed(); i++) {
                // spending what is left
            }
            assertThat(limiter.consume(limit, ip, 1).allowed()).as("the bucket is empty").isFalse();
        }
    }

    private static Api.Response signup(Api api, String email) {
        return api.post("/api/v1/auth/signup", Map.of("email", email, "password", Api.PASSWORD,
            "full_name", "Limited", "organization_name", "Limited Org"), null);
    }
}
