package dev.agentops.hub.shared.logging;

import com.sun.net.httpserver.HttpServer;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.sentry.Sentry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * With a DSN set, backend errors reach Sentry through the logback integration, redacted before they leave: the DSN
 * points at a real HTTP receiver on this machine, which records what the Sentry SDK actually sends.
 */
@MicronautTest(transactional = false)
class ErrorTrackingTest extends AppTest {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTrackingTest.class);
    private static final String PASSWORD = "Sentry-Canary-Passw0rd-91c2";
    private static final String API_KEY = "aoh_SentryCanaryKey91c2QwErTyUiOp";

    private final SentryReceiver receiver = new SentryReceiver();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("sentry.dsn", "http://publickey91c2@127.0.0.1:" + receiver.port() + "/42", "sentry.environment", "test");
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anUnexpectedErrorOfARequestAndAnErrorLineReachSentryWithTheirSecretsRedacted() {
        HttpClientResponseException failed = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
            .exchange(HttpRequest.POST("/api/test-probe/explode", Map.of("email", "a@b.co", "password", PASSWORD)), String.class));
        assertThat(failed.getStatus().getCode()).isEqualTo(500);
        LOG.warn("calling the upstream with api_key={}", API_KEY);
        LOG.error("upstream call failed for key " + API_KEY, new IllegalStateException("upstream said token: " + PASSWORD));
        Sentry.flush(10_000);

        String sent = receiver.awaitContaining("upstream call failed", "relation \\\"runs\\\" does not exist");
        assertThat(sent).contains(SecretRedactor.MASK).contains("\"environment\":\"test\"")
            .contains("calling the upstream with api_key=" + SecretRedactor.MASK);
        assertThat(sent).doesNotContain(PASSWORD).doesNotContain(API_KEY).doesNotContain("SentryCanaryKey91c2");
    }

    /** Sentry's envelope endpoint: records every (gzip-compressed) envelope as text and answers 200. */
    private static final class SentryReceiver implements AutoCloseable {
        private final HttpServer server;
        private final List<String> envelopes = new CopyOnWriteArrayList<>();

        SentryReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                    envelopes.add(exchange.getRequestURI().getPath() + "\n" + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** All envelopes received once every fragment has arrived in one of them, waiting up to 20 s. */
        String awaitContaining(String... fragments) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                String all = String.join("\n", envelopes);
                if (List.of(fragments).stream().allMatch(all::contains)) {
                    return all;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            throw new AssertionError("Sentry received no envelope with " + List.of(fragments) + "; got " + envelopes);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
