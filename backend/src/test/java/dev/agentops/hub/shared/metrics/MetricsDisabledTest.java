package dev.agentops.hub.shared.metrics;

import dev.agentops.hub.support.AppTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Without AGENTOPS_METRICS_TOKEN there is nothing to scrape, whatever the caller sends. */
@MicronautTest(transactional = false)
class MetricsDisabledTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void metricsAnswer404WithTheErrorEnvelopeWhenNoTokenIsConfigured() {
        HttpClientResponseException missing = catchThrowableOfType(HttpClientResponseException.class,
            () -> client.toBlocking().exchange(HttpRequest.GET("/metrics").bearerAuth("anything"), String.class));
        assertThat(missing.getStatus().getCode()).isEqualTo(404);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = missing.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body).containsEntry("code", "not_found").containsKey("request_id");
    }
}
