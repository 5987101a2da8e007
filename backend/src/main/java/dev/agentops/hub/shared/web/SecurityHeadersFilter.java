package dev.agentops.hub.shared.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browser security headers on every response. The SPA's policy allows only its own files (Vite emits no inline
 * script; inline styles are allowed because React and the chart library set style attributes). The API reference
 * (Swagger UI) runs one inline bootstrap script, allowed by its hash, computed at start-up from the page itself.
 * HSTS only over HTTPS (directly or behind a proxy that says so): over plain HTTP it would be ignored anyway.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    static final String SPA_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
        + "interest-cohort=()";
    private static final String SWAGGER_PAGE = "classpath:META-INF/swagger/views/swagger-ui/index.html";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final String docsPolicy;

    SecurityHeadersFilter(ResourceResolver resources) {
        List<String> hashes = resources.getResourceAsStream(SWAGGER_PAGE).map(SecurityHeadersFilter::inlineScriptHashes)
            .orElse(List.of());
        this.docsPolicy = "default-src 'self'; script-src 'self'" + (hashes.isEmpty() ? "" : " " + String.join(" ", hashes))
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        response.header("Content-Security-Policy", policyFor(path));
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "strict-origin-when-cross-origin");
        response.header("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"))) {
            response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    String policyFor(String path) {
        if (path.startsWith("/swagger/") || path.startsWith("/swagger-ui/") || path.equals("/api/docs")) {
            return docsPolicy;
        }
        if (path.startsWith("/api/") || path.equals("/health")) {
            return API_POLICY;
        }
        return SPA_POLICY;
    }

    static List<String> inlineScriptHashes(InputStream page) {
        try (page) {
            String html = new String(page.readAllBytes(), StandardCharsets.UTF_8);
            List<String> hashes = new ArrayList<>();
            Matcher matcher = INLINE_SCRIPT.matcher(html);
            while (matcher.find()) {
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(DigestUtils.sha256(matcher.group(1))) + "'");
            }
            return hashes;
        } catch (IOException e) {
            return List.of();
        }
    }
}
