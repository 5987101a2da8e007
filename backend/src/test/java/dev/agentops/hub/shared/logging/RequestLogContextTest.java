package dev.agentops.hub.shared.logging;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line logged while serving a request carries the request id and the caller's organization: in the JSON format
 * as {@code request_id} and {@code org_id} fields, in the text format inside the brackets before the message.
 */
@MicronautTest(transactional = false)
class RequestLogContextTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Test
    void jsonLinesOfARequestCarryItsRequestIdAndOrganizationWhereverTheyAreWritten() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String key = api.apiKey(admin, "read");
        List<Map<String, Object>> lines;
        String blocking;
        String hop;
        String withKey;
        try (CapturedLogs logs = new CapturedLogs("json")) {
            blocking = api.get("/api/test-probe/log-context/blocking", admin.accessToken()).header("X-Request-Id");
            hop = api.get("/api/test-probe/log-context/hop", admin.accessToken()).header("X-Request-Id");
            withKey = api.get("/api/test-probe/log-context/blocking", key).header("X-Request-Id");
            lines = parse(logs.text());
        }
        String org = admin.organizationId().toString();
        assertThat(linesOf(lines, blocking)).extracting(line -> line.get("message"))
            .contains("log-context probe on the blocking pool").anyMatch(message -> String.valueOf(message).contains("/blocking -> 200"));
        assertThat(linesOf(lines, hop)).extracting(line -> line.get("message"))
            .contains("log-context probe on the event loop", "log-context probe after a hop");
        assertThat(linesOf(lines, withKey)).extracting(line -> line.get("message"))
            .contains("log-context probe on the blocking pool");
        for (String id : List.of(blocking, hop, withKey)) {
            assertThat(linesOf(lines, id)).as("lines of request " + id).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).containsEntry("org_id", org));
        }
    }

    @Test
    void textLinesOfARequestShowItsRequestIdAndOrganizationBeforeTheMessage() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String output;
        String id;
        try (CapturedLogs logs = new CapturedLogs("text")) {
            id = api.get("/api/test-probe/log-context/blocking", admin.accessToken()).header("X-Request-Id");
            output = logs.text();
        }
        assertThat(output).contains("[" + id + " " + admin.organizationId() + "] - log-context probe on the blocking pool");
    }

    /**
     * The application's lines of the request (ours and the access log; the framework's TRACE lines written before
     * authentication know the request id only).
     */
    private static List<Map<String, Object>> linesOf(List<Map<String, Object>> lines, String requestId) {
        assertThat(requestId).isNotBlank();
        return lines.stream().filter(line -> requestId.equals(line.get("request_id")))
            .filter(line -> String.valueOf(line.get("logger_name")).startsWith("dev.agentops")
                || String.valueOf(line.get("logger_name")).startsWith("agentops"))
            .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parse(String output) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(json.readValue(line, Map.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }
}
