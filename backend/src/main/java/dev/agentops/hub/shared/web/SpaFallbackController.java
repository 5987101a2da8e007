package dev.agentops.hub.shared.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Unknown paths: the web app's client-side routes (deep links such as {@code /agents/123}) get the SPA's
 * {@code index.html}; anything under {@code /api/}, any non-GET and any missing asset gets the JSON 404 envelope.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class SpaFallbackController {

    private final Optional<String> indexHtml;

    public SpaFallbackController(ResourceResolver resources) {
        this.indexHtml = resources.getResourceAsStream("classpath:public/index.html").map(SpaFallbackController::read);
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        if (isClientRoute(request) && indexHtml.isPresent()) {
            return HttpResponse.ok(indexHtml.get()).contentType(MediaType.TEXT_HTML_TYPE);
        }
        return ErrorEnvelopes.response(request, HttpStatus.NOT_FOUND, "not_found",
            "No resource at " + request.getPath() + ".", Map.of());
    }

    private static boolean isClientRoute(HttpRequest<?> request) {
        String path = request.getPath();
        return request.getMethod() == HttpMethod.GET
            && !path.startsWith("/api/") && !path.equals("/api")
            && !path.startsWith("/assets/")
            && !path.startsWith("/swagger/")
            && !path.equals("/health")
            && !path.equals("/metrics");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
