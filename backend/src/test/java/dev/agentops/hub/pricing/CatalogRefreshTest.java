package dev.agentops.hub.pricing;

import com.sun.net.httpserver.HttpServer;
import dev.agentops.hub.support.AppTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional daily refresh, against a real HTTP server that serves catalogs good and bad. */
@MicronautTest(transactional = false)
class CatalogRefreshTest extends AppTest {

    private static final Instant AT = Instant.parse("2026-09-01T12:00:00Z");
    private static final UUID ORG = UUID.randomUUID();

    private volatile int status = 200;
    private volatile byte[] served = new byte[0];
    private final HttpServer server = start();

    @Inject CatalogRefresher refresher;
    @Inject ShippedCatalog catalog;
    @Inject PricingService pricing;

    private PriceCatalog shipped;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
            "agentops.pricing.refresh-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/catalog.json",
            "agentops.pricing.refresh-initial-delay", "1h");
    }

    @AfterEach
    void restoreTheShippedCatalog() {
        if (shipped != null) {
            catalog.replace(shipped);
        }
    }

    @AfterAll
    void stopServer() {
        server.stop(0);
    }

    @Test
    void swapsInAValidDownloadedCatalogWhole() {
        shipped = catalog.get();
        serve(200, catalog("2026-09-01.1", "\"input\": \"0.000001\", \"output\": \"0.000002\""));

        assertThat(refresher.refresh()).isTrue();

        // 1200 × 0.000001 + 300 × 0.000002
        PricedCost cost = pricing.price(ORG, "openai/gpt-4o", TokenUsage.of(1200, 300), AT).orElseThrow();
        assertThat(cost.costUsd()).isEqualTo(new BigDecimal("0.0018000000"));
        assertThat(cost.catalogVersion()).isEqualTo("2026-09-01.1");
        assertThat(pricing.catalogVersion()).isEqualTo("2026-09-01.1");
        assertThat(pricing.price(ORG, "claude-sonnet-4-5", TokenUsage.of(1, 1), AT)).as("not in the new catalog").isEmpty();
    }

    @Test
    void keepsTheCatalogInUseWhenTheDownloadFailsOrAnyEntryIsInvalid() {
        shipped = catalog.get();
        String before = pricing.catalogVersion();

        serve(200, catalog("2026-09-01.2", "\"input\": \"-0.000001\", \"output\": \"0.000002\""));
        assertThat(refresher.refresh()).as("negative price").isFalse();
        serve(200, "{\"version\": \"2026-09-01.3\", \"models\": [{\"id\": \"x\"}]}");
        assertThat(refresher.refresh()).as("incomplete entry").isFalse();
        serve(200, "<html>maintenance</html>");
        assertThat(refresher.refresh()).as("not JSON").isFalse();
        serve(503, catalog("2026-09-01.4", "\"input\": \"0.000001\""));
        assertThat(refresher.refresh()).as("server error").isFalse();
        serve(200, " ".repeat(CatalogRefresher.MAX_BYTES + 1));
        assertThat(refresher.refresh()).as("too large").isFalse();

        assertThat(pricing.catalogVersion()).isEqualTo(before).isEqualTo("2026-08-22.1");
        // 1200 × 0.0000025 + 300 × 0.00001
        assertThat(pricing.price(ORG, "gpt-4o", TokenUsage.of(1200, 300), AT).orElseThrow().costUsd())
            .isEqualTo(new BigDecimal("0.0060000000"));
    }

    private static String catalog(String version, String gpt4oPrices) {
        return """
            {"version": "%s", "source": "test", "models": [
              {"id": "gpt-4o", "name": "gpt-4o", "provider": "openai", "match": "^(openai/)?gpt-4o$",
               "effective_from": "2024-05-13", "prices": {%s}}]}""".formatted(version, gpt4oPrices);
    }

    private void serve(int status, String body) {
        this.status = status;
        this.served = body.getBytes(StandardCharsets.UTF_8);
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/catalog.json", exchange -> {
                byte[] body = served;
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
