package dev.agentops.hub.shared.docs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The machine-readable contract and its human reference (Swagger UI generated at build time). */
@Hidden
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiDocsController {

    static final String DOCUMENT = "classpath:META-INF/swagger/agentops-hub.yml";
    private final String document;

    ApiDocsController(ResourceResolver resources) {
        this.document = resources.getResourceAsStream(DOCUMENT).map(ApiDocsController::read)
            .orElseThrow(() -> new IllegalStateException("OpenAPI document missing from the classpath: " + DOCUMENT));
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    HttpResponse<String> openApi() {
        return HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
    }

    @Get(uri = "/docs", produces = MediaType.ALL)
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/swagger/views/swagger-ui/index.html"));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
