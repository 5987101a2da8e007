package dev.agentops.hub.shared.web;

import dev.agentops.hub.support.AppTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SpaAndDocsTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void rootServesTheWebAppWithoutCaching() {
        HttpResponse<String> root = get("/");
        assertThat(root.getStatus().getCode()).isEqualTo(200);
        assertThat(root.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertThat(root.body()).contains("<div id=\"root\"></div>");
        assertThat(root.getHeaders().get("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void deepLinksServeTheSameApp() {
        HttpResponse<String> deep = get("/agents/123");
        assertThat(deep.getStatus().getCode()).isEqualTo(200);
        assertThat(deep.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertThat(deep.body()).isEqualTo(get("/").body());
        assertThat(deep.getHeaders().get("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        var matcher = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(matcher.find()).as("index.html references a hashed bundle").isTrue();
        HttpResponse<String> asset = get(matcher.group(1));
        assertThat(asset.getStatus().getCode()).isEqualTo(200);
        assertThat(asset.getHeaders().get("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(asset.body().length()).isGreaterThan(100);
    }

    @Test
    void openApiDocumentAndHumanReferenceAreServed() {
        HttpResponse<String> document = get("/api/openapi.yml");
        assertThat(document.getStatus().getCode()).isEqualTo(200);
        assertThat(document.body()).startsWith("openapi: 3").contains("/health");

        HttpResponse<String> docs = client.toBlocking().exchange(HttpRequest.GET("/api/docs"), String.class);
        assertThat(docs.getStatus().getCode()).isEqualTo(200);
        assertThat(docs.body()).contains("swagger-ui").contains("/swagger/agentops-hub.yml");
    }

    @Test
    void apiReferenceIsServedToAClientThatAsksForHtml() {
        HttpResponse<String> docs = client.toBlocking().exchange(HttpRequest.GET("/api/docs")
            .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), String.class);
        assertThat(docs.getStatus().getCode()).isEqualTo(200);
        assertThat(docs.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertThat(docs.body()).contains("swagger-ui");

        HttpResponse<String> strict = client.toBlocking().exchange(HttpRequest.GET("/api/docs").accept("text/html"), String.class);
        assertThat(strict.getStatus().getCode()).isEqualTo(200);
        assertThat(strict.body()).contains("swagger-ui");
    }

    private HttpResponse<String> get(String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path), String.class);
    }
}
