package dev.agentops.hub.shared.web;

import dev.agentops.hub.support.AppTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class HttpBasicsTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void unknownApiPathIsAJson404WithTheRequestId() {
        var error = failure(HttpRequest.GET("/api/v1/does-not-exist"));
        assertThat(error.getStatus().getCode()).isEqualTo(404);
        Map<String, Object> body = body(error);
        assertThat(body).containsEntry("code", "not_found").containsKeys("error", "details", "request_id");
        assertThat(body.get("request_id")).isEqualTo(error.getResponse().getHeaders().get("X-Request-Id"));
        assertThat(failure(HttpRequest.POST("/api/v1/nothing-here", "{}")).getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsInvalidJson() {
        var error = failure(HttpRequest.POST("/api/test-probe/echo", "{\"email\": \"a@b.co\", ").contentType(MediaType.APPLICATION_JSON));
        assertThat(error.getStatus().getCode()).isEqualTo(400);
        assertThat(body(error)).containsEntry("code", "invalid_json");
    }

    @Test
    void beanValidationListsEveryFieldProblem() {
        var error = failure(HttpRequest.POST("/api/test-probe/echo",
            Map.of("email", "not-an-email", "password", "", "retry_count", 99)));
        assertThat(error.getStatus().getCode()).isEqualTo(400);
        Map<String, Object> body = body(error);
        assertThat(body).containsEntry("code", "validation_failed");
        @SuppressWarnings("unchecked")
        var fields = (List<Map<String, String>>) ((Map<String, Object>) body.get("details")).get("fields");
        assertThat(fields).extracting(f -> f.get("field")).containsExactlyInAnyOrder("email", "password", "retry_count");
        assertThat(fields).allSatisfy(f -> assertThat(f.get("problem")).isNotBlank());
    }

    @Test
    void wrongTypeIsAValidationProblemNotAServerError() {
        var error = failure(HttpRequest.POST("/api/test-probe/echo",
            "{\"email\": \"a@b.co\", \"password\": \"x\", \"retry_count\": \"many\"}").contentType(MediaType.APPLICATION_JSON));
        assertThat(error.getStatus().getCode()).isEqualTo(400);
        assertThat(body(error).get("code")).isIn("validation_failed", "invalid_json");
        String raw = error.getResponse().getBody(String.class).orElse("");
        assertThat(raw).as("no Java types in client errors").doesNotContain("class ", "java.", "Integer", "dev.agentops");
    }

    @Test
    void wrongContentTypeIsRefusedWith415() {
        var error = failure(HttpRequest.POST("/api/test-probe/echo", "email=a@b.co").contentType(MediaType.TEXT_PLAIN));
        assertThat(error.getStatus().getCode()).isEqualTo(415);
        assertThat(body(error)).containsEntry("code", "unsupported_media_type");
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        var error = failure(HttpRequest.POST("/api/test-probe/explode", Map.of("email", "a@b.co", "password", "pw")));
        assertThat(error.getStatus().getCode()).isEqualTo(500);
        Map<String, Object> body = body(error);
        assertThat(body).containsEntry("code", "internal_error");
        String raw = error.getResponse().getBody(String.class).orElse("");
        assertThat(raw).doesNotContain("relation", "runs", "IllegalState", "Exception", "at dev.");
    }

    @Test
    void typedProblemsKeepTheirStatusAndCode() {
        var error = failure(HttpRequest.POST("/api/test-probe/problem", "{}"));
        assertThat(error.getStatus().getCode()).isEqualTo(409);
        assertThat(body(error)).containsEntry("code", "duplicate").containsEntry("error", "An agent with slug 'x' already exists.");
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = "{\"email\": \"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        var error = failure(HttpRequest.POST("/api/test-probe/echo", huge).contentType(MediaType.APPLICATION_JSON));
        assertThat(error.getStatus().getCode()).isEqualTo(413);
        assertThat(body(error)).containsEntry("code", "payload_too_large");
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneIncomingOneIsKept() {
        HttpResponse<String> ok = client.toBlocking().exchange(HttpRequest.GET("/health").header("X-Request-Id", "trace-12345678"), String.class);
        assertThat(ok.getHeaders().get("X-Request-Id")).isEqualTo("trace-12345678");

        HttpResponse<String> generated = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertThat(generated.getHeaders().get("X-Request-Id")).matches("[0-9a-f-]{36}");

        var injected = client.toBlocking().exchange(HttpRequest.GET("/health").header("X-Request-Id", "bad id\"<script>"), String.class);
        assertThat(injected.getHeaders().get("X-Request-Id")).matches("[0-9a-f-]{36}");

        var error = failure(HttpRequest.GET("/api/nope").header("X-Request-Id", "client-abcdef12"));
        assertThat(error.getResponse().getHeaders().get("X-Request-Id")).isEqualTo("client-abcdef12");
        assertThat(body(error)).containsEntry("request_id", "client-abcdef12");
    }

    @Test
    void healthReportsDatabaseAndRedis() {
        HttpResponse<Map<String, Object>> health = client.toBlocking().exchange(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
        assertThat(health.getStatus().getCode()).isEqualTo(200);
        assertThat(health.body()).containsEntry("status", "up");
        @SuppressWarnings("unchecked")
        var checks = (Map<String, Map<String, Object>>) health.body().get("checks");
        assertThat(checks.get("database")).containsEntry("status", "up");
        assertThat(checks.get("redis")).containsEntry("status", "up");
    }

    private HttpClientResponseException failure(HttpRequest<?> request) {
        var thrown = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
        assertThat(thrown.getResponse().getContentType().map(MediaType::toString).orElse("")).startsWith("application/json");
        return thrown;
    }

    private static Map<String, Object> body(HttpClientResponseException error) {
        return error.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
    }
}
