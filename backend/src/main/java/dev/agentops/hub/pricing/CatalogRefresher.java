package dev.agentops.hub.pricing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Downloads a newer catalog from {@code agentops.pricing.refresh-url} once a day (only when that is set), validates
 * it as fully as the shipped one, and swaps it in whole. Any failure (network, status, size, a single bad entry)
 * is logged and the catalog in use stays.
 */
@Singleton
@Requires(property = "agentops.pricing.refresh-url", pattern = ".*\\S.*")
class CatalogRefresher {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresher.class);

    private final ShippedCatalog catalog;
    private final URI url;
    private final String urlProblem;
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();

    CatalogRefresher(ShippedCatalog catalog, PricingConfiguration config) {
        this.catalog = catalog;
        URI parsed;
        try {
            parsed = URI.create(config.refreshUrl().trim());
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        this.url = parsed;
        this.urlProblem = parsed == null || parsed.getHost() == null
            || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))
            ? "agentops.pricing.refresh-url is not an http(s) URL; the shipped price catalog stays in use" : null;
        if (urlProblem != null) {
            LOG.error(urlProblem);
        }
    }

    @Scheduled(fixedDelay = "${agentops.pricing.refresh-interval:24h}",
               initialDelay = "${agentops.pricing.refresh-initial-delay:1m}")
    void scheduledRefresh() {
        refresh();
    }

    /** True when a new catalog is in use afterwards. */
    boolean refresh() {
        if (urlProblem != null) {
            return false;
        }
        String before = catalog.get().version();
        try {
            PriceCatalog downloaded = catalog.parse(download());
            catalog.replace(downloaded);
            if (!downloaded.version().equals(before)) {
                LOG.info("Price catalog {} replaced {} ({} models) from {}", downloaded.version(), before,
                    downloaded.models().size(), url.getHost());
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Price catalog refresh from {} failed, keeping {}: {}", url.getHost(), before, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private byte[] download() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("status " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
