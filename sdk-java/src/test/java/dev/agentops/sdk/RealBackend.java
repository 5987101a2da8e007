package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real backend for SDK tests: starts {@code backend/target/agentops-hub.jar} (embedded PostgreSQL in a temporary
 * data folder) on a free port, signs up (the confirmation link comes back in the answer: no SMTP) and keeps the
 * admin's token for {@link #get} and {@link #post}.
 */
final class RealBackend implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process server;
    private final Path dataDir;
    private final Path log;
    private final String baseUrl;
    private String adminToken;

    private RealBackend(Process server, Path dataDir, Path log, String baseUrl) {
        this.server = server;
        this.dataDir = dataDir;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts the jar, waits for {@code /health} and signs up a fresh organization. */
    static RealBackend start() throws Exception {
        Path jar = Path.of("../backend/target/agentops-hub.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: build the backend first (from the repository root: "
                + "mvn -B -ntp install -DskipTests, or mvn -B -ntp package, which packages the backend before sdk-java)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("agentops-sdk-it");
        Path log = dataDir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AGENTOPS_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("AGENTOPS_RATE_LIMITS_SIGNUP_IP", "1000/1s burst 1000");
        RealBackend backend = new RealBackend(builder.start(), dataDir, log, "http://127.0.0.1:" + port);
        backend.awaitHealthy();
        backend.signUp();
        return backend;
    }

    private void awaitHealthy() throws Exception {
        // generous: on a loaded machine the backend (embedded PostgreSQL, migrations) can take a minute or more
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            if (!server.isAlive()) {
                fail("the backend exited with " + server.exitValue() + ":\n" + tail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (System.currentTimeMillis() > deadline) {
                fail("GET /health did not answer 200 within 180 s:\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    private void signUp() throws Exception {
        String email = "sdk-" + UUID.randomUUID() + "@example.com";
        String link = post("/api/v1/auth/signup", null, Map.of("email", email, "password", "integration password 123",
            "full_name", "SDK Test", "organization_name", "SDK Test Org")).findValue("confirm_url").asText();
        adminToken = post("/api/v1/auth/signup/confirm", null, Map.of("token", link.substring(link.indexOf("token=") + 6)))
            .findValue("access_token").asText();
    }

    String baseUrl() {
        return baseUrl;
    }

    String adminToken() {
        return adminToken;
    }

    Path log() {
        return log;
    }

    /** Creates an agent and returns its slug; {@code slug} null lets the server derive one from the name. */
    String createAgent(String name, String slug) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "type", "custom"));
        if (slug != null) {
            body.put("slug", slug);
        }
        return post("/api/v1/agents", adminToken, body).findValue("slug").asText();
    }

    /** Creates an API key with these scopes and returns its secret. */
    String createApiKey(List<String> scopes) throws Exception {
        return post("/api/v1/api-keys", adminToken, Map.of("name", "sdk", "scopes", scopes)).findValue("key").asText();
    }

    /** GET as the admin; asserts 200. */
    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    /** POST with this token (or none); asserts 2xx. */
    JsonNode post(String path, String token, Object body) throws Exception {
        return send("POST", path, token, body);
    }

    JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + " -> " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    /** The server log's last 40 lines, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
