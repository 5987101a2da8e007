package dev.agentops.hub.shared.ratelimit;

import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.aSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
class RateLimitHttpTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Inject
    StatefulRedisConnection<String, String> redis;

    private final List<RedisClient> others = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.rate-limits.login-ip", "60/1m burst 20");
    }

    @Test
    void answersWithRateLimitHeadersUntilTheBurstIsSpentThenWith429() {
        String path = "/api/test-rate-limit/" + aSubject();

        assertHeaders(get(path), "3", "2", "10000");
        assertHeaders(get(path), "3", "1", "20000");
        assertHeaders(get(path), "3", "0", "30000");
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> get(path));

        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        // refused: RateLimit-Reset says when the next request passes, as Retry-After does
        assertHeaders(refused.getResponse(), "3", "0", "10000");
        assertThat(refused.getResponse().getHeaders().get("Retry-After")).isEqualTo("10000");
        Map<String, Object> body = refused.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        assertThat(body).containsEntry("code", "rate_limited")
            .containsEntry("error", "Too many requests: retry in 10000 seconds.")
            .containsEntry("details", Map.of("retry_after_seconds", 10000, "limit", 3))
            .containsEntry("request_id", refused.getResponse().getHeaders().get("X-Request-Id"));
    }

    @Test
    void aFilterCanLimitRequestsTheSameWay() {
        String path = "/api/test-rate-limit/filtered/" + aSubject();
        for (int i = 0; i < 3; i++) {
            assertThat(get(path).getHeaders().get("RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
        }

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> get(path));

        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        assertThat(refused.getResponse().getHeaders().get("Retry-After")).isEqualTo("10000");
        assertThat(refused.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow())
            .containsEntry("code", "rate_limited");
    }

    @Test
    void reportsTheLimitClosestToRefusingWhenARequestPassesSeveral() {
        HttpResponse<?> response = get("/api/test-rate-limit/two/" + aSubject());

        assertHeaders(response, "3", "2", "10000");
    }

    @Test
    void aRefusedRequestLeavesNoHeadersFromEarlierLimitsBehind() {
        String subject = aSubject();
        limiter.consume(RateLimitProbeController.PROBE, subject, 3);

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
            () -> get("/api/test-rate-limit/two/" + subject));

        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        assertHeaders(refused.getResponse(), "3", "0", refused.getResponse().getHeaders().get("Retry-After"));
    }

    @Test
    void theApplicationKeepsItsBucketsInRedis() {
        String subject = aSubject();
        limiter.consume(RateLimitProbeController.PROBE, subject, 1);

        assertThat(redis.sync().exists(BucketKeys.of(RateLimitProbeController.PROBE, subject))).isEqualTo(1);
        assertThat(anotherInstance().consume(RateLimitProbeController.PROBE, subject, 0).remaining()).isEqualTo(2);
    }

    /** A limiter with its own connection and its own (empty) in-process buckets: it can only know the bucket from Redis. */
    private RateLimiter anotherInstance() {
        RedisClient other = RedisClient.create(TestRedis.uri());
        others.add(other);
        return new RateLimiter(new RedisBuckets(() -> other.connect(RedisBuckets.CODEC), Duration.ofSeconds(2)),
            new LocalBuckets(1), Duration.ofSeconds(5));
    }

    @AfterEach
    void closeOtherInstances() {
        others.forEach(RedisClient::shutdown);
        others.clear();
    }

    @Override
    protected boolean relaxIdentityLimits() {
        return false;
    }

    @Test
    void limitsDefaultToApiMdAndSettingsOverrideThem() {
        assertThat(limits.apiKey()).isEqualTo(new RateLimit("api_key", 200, 100));
        assertThat(limits.orgIngestEvents()).isEqualTo(new RateLimit("org_ingest_events", 2_000, 1_000));
        assertThat(limits.signupIp()).isEqualTo(new RateLimit("signup_ip", 5, 10 / 3600.0));
        assertThat(limits.loginIp()).as("overridden").isEqualTo(new RateLimit("login_ip", 20, 1));
        assertThat(limits.loginAccount()).isEqualTo(new RateLimit("login_account", 5, 10 / 900.0));
        assertThat(limits.passwordResetIp()).isEqualTo(new RateLimit("password_reset_ip", 5, 5 / 3600.0));
        assertThat(limits.mfaUser()).isEqualTo(new RateLimit("mfa_user", 5, 5 / 60.0));
        assertThat(limits.named("login_ip")).isSameAs(limits.loginIp());
        assertThat(limits.all()).hasSize(7);
    }

    private HttpResponse<?> get(String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }

    private static void assertHeaders(HttpResponse<?> response, String limit, String remaining, String reset) {
        assertThat(response.getHeaders().get("RateLimit-Limit")).isEqualTo(limit);
        assertThat(response.getHeaders().get("RateLimit-Remaining")).isEqualTo(remaining);
        assertThat(response.getHeaders().get("RateLimit-Reset")).isEqualTo(reset);
    }
}
