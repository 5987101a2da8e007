package dev.agentops.hub.shared.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Vite names assets by content hash, so they may be cached for a year; {@code index.html} names the current hashes
 * and must be revalidated on every load, or a deploy would leave browsers on old bundles. API answers are private.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CacheHeadersFilter {

    @ResponseFilter
    public void setCacheHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        if (response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        String path = request.getPath();
        if (path.startsWith("/assets/") && response.code() == 200) {
            response.header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        } else if (isApi(path)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        } else {
            // index.html (also served for client-side routes), favicon, Swagger UI: revalidate every time
            response.header(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/v1/") || path.equals("/health");
    }
}
