package dev.agentops.hub.shared.ratelimit;

import dev.agentops.hub.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.aSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without {@code redis.uri} the application starts and limits with in-process buckets. */
class RateLimitWithoutRedisTest {

    @Test
    void limitsInProcessWhenNoRedisIsConfigured() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().micronautProperties());
        properties.put("agentops.security.secret", dev.agentops.hub.support.AppTest.SERVER_SECRET);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            assertThat(server.getApplicationContext().findBean(RedisBuckets.class)).isEmpty();
            String path = "/api/test-rate-limit/" + aSubject();
            for (int i = 0; i < 3; i++) {
                var ok = client.toBlocking().exchange(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
                assertThat(ok.getHeaders().get("RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
            }

            var refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class)));

            assertThat(refused.getStatus().getCode()).isEqualTo(429);
            assertThat(refused.getResponse().getHeaders().get("Retry-After")).isEqualTo("10000");
        }
    }
}
