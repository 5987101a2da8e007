package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.agentops.examples.openai.OpenAiExample;
import dev.agentops.sdk.core.AgentPausedException;
import dev.agentops.sdk.core.AuthenticationException;
import dev.agentops.sdk.core.NotFoundException;
import dev.agentops.sdk.core.PermissionException;
import dev.agentops.sdk.generated.api.RunsApi;
import dev.agentops.examples.openai.TrackedOpenAi;
import dev.agentops.examples.orchestrator.OrchestratorExample;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK and its examples against the real backend: starts {@code backend/target/agentops-hub.jar} (embedded
 * PostgreSQL in a temporary data folder) on a free port, signs up, creates an agent and an ingest+read key.
 */
class BackendIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process server;
    private static Path dataDir;
    private static Path log;
    private static String baseUrl;
    private static String adminToken;
    private static String agentSlug;
    private static String apiKey;

    @BeforeAll
    static void startBackend() throws Exception {
        Path jar = Path.of("../backend/target/agentops-hub.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: build the backend first (from the repository root: "
                + "mvn -B -ntp install -DskipTests, or mvn -B -ntp package, which packages the backend before sdk-java)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dataDir = Files.createTempDirectory("agentops-sdk-it");
        log = dataDir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AGENTOPS_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("AGENTOPS_RATE_LIMITS_SIGNUP_IP", "1000/1s burst 1000");
        server = builder.start();
        baseUrl = "http://127.0.0.1:" + port;
        // generous: on a loaded machine the backend (embedded PostgreSQL, migrations) can take a minute or more
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            if (!server.isAlive()) {
                fail("the backend exited with " + server.exitValue() + ":\n" + tail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (System.currentTimeMillis() > deadline) {
                fail("GET /health did not answer 200 within 180 s:\n" + tail());
            }
            Thread.sleep(250);
        }
        String email = "sdk-" + UUID.randomUUID() + "@example.com";
        // signup creates nothing until its e-mailed link is confirmed; this server has no SMTP, so the answer carries it
        String link = post("/api/v1/auth/signup", null, Map.of("email", email, "password", "integration password 123",
            "full_name", "SDK Test", "organization_name", "SDK Test Org")).findValue("confirm_url").asText();
        adminToken = post("/api/v1/auth/signup/confirm", null, Map.of("token", link.substring(link.indexOf("token=") + 6)))
            .findValue("access_token").asText();
        agentSlug = post("/api/v1/agents", adminToken, Map.of("name", "SDK test agent", "type", "custom"))
            .findValue("slug").asText();
        apiKey = post("/api/v1/api-keys", adminToken, Map.of("name", "sdk", "scopes", List.of("ingest", "read")))
            .findValue("key").asText();
    }

    @AfterAll
    static void stopBackend() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        if (dataDir != null) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private AgentOpsClient client(List<Exception> errors) {
        return AgentOpsClient.builder().apiKey(apiKey).agentId(agentSlug).baseUrl(baseUrl).strict(true)
            .onError(errors::add).build();
    }

    @Test
    void recordsARunWithNormalisedUsageAndCost() throws Exception {
        List<Exception> errors = new ArrayList<>();
        String runId;
        try (AgentOpsClient client = client(errors)) {
            runId = client.startRun(Map.of("question", "What is 2+2?"));
            client.recordLlmCall(runId, "gpt-4o", Map.of("prompt_tokens", 1000, "completion_tokens", 200,
                "prompt_tokens_details", Map.of("cached_tokens", 400)));
            client.recordToolCall(runId, "calculator", Map.of("expression", "2+2"), 4);
            client.endRun(runId, RunStatus.COMPLETED, Map.of("answer", "4"), null);
            assertTrue(!client.isPaused());
        }
        assertTrue(errors.isEmpty(), errors.toString());

        JsonNode run = awaitRun(runId, 2);
        assertEquals("completed", run.path("status").asText());
        assertEquals(1000, run.path("input_tokens").asLong());
        assertEquals(200, run.path("output_tokens").asLong());
        assertEquals(400, run.path("cache_read_tokens").asLong());
        assertEquals(0, new BigDecimal("0.004").compareTo(run.path("cost_usd").decimalValue()), run.toString());
        JsonNode events = get("/api/v1/runs/" + run.path("id").asText()).path("data").path("events");
        assertEquals(2, events.size(), events.toString());
        // timestamps have millisecond precision (as in JavaScript): events of the same millisecond come in any order
        JsonNode llm = null;
        JsonNode tool = null;
        for (JsonNode event : events) {
            if (event.path("event_type").asText().equals("llm_call")) {
                llm = event;
            } else if (event.path("event_type").asText().equals("tool_call")) {
                tool = event;
            }
        }
        assertNotNull(llm, events.toString());
        assertNotNull(tool, events.toString());
        assertEquals("gpt-4o", llm.path("model").asText());
        assertEquals("calculator", tool.path("payload").path("tool_name").asText());

        try (AgentOpsClient client = client(errors)) {
            var page = new RunsApi(client.lowLevel()).listRuns(null, null, null, null, null, null, null, null, runId, null, null);
            assertEquals(run.path("id").asText(), page.getData().get(0).getId().toString());
        }
    }

    @Test
    void errorsFromTheRealApiAreTyped() {
        AgentOpsClient badKey = AgentOpsClient.builder().apiKey("aoh_" + "x".repeat(40)).agentId(agentSlug)
            .baseUrl(baseUrl).strict(true).onError(e -> { }).build();
        badKey.startRun();
        AuthenticationException unauthenticated = assertThrows(AuthenticationException.class, badKey::close);
        assertEquals(401, unauthenticated.status());
        assertNotNull(unauthenticated.requestId());
        assertTrue(unauthenticated.getMessage().contains(unauthenticated.requestId()), unauthenticated.getMessage());

        try (AgentOpsClient client = client(new ArrayList<>())) {
            PermissionException forbidden = assertThrows(PermissionException.class,
                () -> client.http().post("/api/v1/agents", Map.of("name", "not allowed")));
            assertEquals("forbidden", forbidden.code());
            NotFoundException missing = assertThrows(NotFoundException.class,
                () -> client.http().get("/api/v1/runs/" + UUID.randomUUID()));
            assertNotNull(missing.requestId());
        }
    }

    @Test
    void orchestratorExampleRecordsEveryStep() throws Exception {
        List<Exception> errors = new ArrayList<>();
        String runId;
        try (AgentOpsClient client = client(errors)) {
            runId = OrchestratorExample.run(client, "Refund order #4411 if it has not shipped");
        }
        assertTrue(errors.isEmpty(), errors.toString());
        JsonNode run = awaitRun(runId, 5);
        assertEquals("completed", run.path("status").asText());
        assertEquals(830, run.path("input_tokens").asLong());
        List<String> types = new ArrayList<>();
        get("/api/v1/runs/" + run.path("id").asText()).path("data").path("events")
            .forEach(event -> types.add(event.path("event_type").asText()));
        // events of the same millisecond come in any order
        java.util.Collections.sort(types);
        assertEquals(List.of("external_action", "llm_call", "llm_call", "tool_call", "tool_call"), types);
    }

    @Test
    void openAiExampleRecordsTheCompletionsModelAndUsage() throws Exception {
        HttpServer openAi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seenAuth = new ArrayList<>();
        openAi.createContext("/v1/chat/completions", exchange -> {
            seenAuth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"gpt-4o-2024-08-06\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there, nice to meet!\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":200,"
                + "\"total_tokens\":1200,\"prompt_tokens_details\":{\"cached_tokens\":400}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        openAi.start();
        List<Exception> errors = new ArrayList<>();
        String runId;
        try (AgentOpsClient client = client(errors);
             TrackedOpenAi tracked = new TrackedOpenAi("http://127.0.0.1:" + openAi.getAddress().getPort() + "/v1",
                 "sk-test", client)) {
            runId = OpenAiExample.run(client, tracked, "gpt-4o", "Say hello in five words.");
        } finally {
            openAi.stop(0);
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("Bearer sk-test"), seenAuth);
        JsonNode run = awaitRun(runId, 1);
        assertEquals("completed", run.path("status").asText());
        assertEquals(400, run.path("cache_read_tokens").asLong());
        assertEquals(0, new BigDecimal("0.004").compareTo(run.path("cost_usd").decimalValue()), run.toString());
        JsonNode events = get("/api/v1/runs/" + run.path("id").asText()).path("data").path("events");
        assertEquals("gpt-4o-2024-08-06", events.get(0).path("model").asText());
    }

    @Test
    void aRunningAgentSeesIsPausedFlipWithinASecondWithoutMakingCalls() throws Exception {
        JsonNode agent = post("/api/v1/agents", adminToken, Map.of("name", "Paused while running", "type", "custom"));
        String id = agent.findValue("id").asText();
        String slug = agent.findValue("slug").asText();
        List<Exception> errors = new ArrayList<>();
        List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong onPauseAt = new java.util.concurrent.atomic.AtomicLong();
        try (AgentOpsClient client = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl)
            .onError(errors::add).onPause((paused, reason) -> {
                changes.add(paused + ":" + reason);
                if (paused) {
                    onPauseAt.set(System.nanoTime());
                }
            }).build()) {
            String runId = client.startRun();
            assertTrue(!client.isPaused());
            Thread.sleep(300); // the long-poll reaches the server and is held there
            post("/api/v1/controls/pause-agent/" + id, adminToken, Map.of("reason", "runaway costs"));
            long pausedAt = System.nanoTime();
            while (!client.isPaused() && System.nanoTime() - pausedAt < 5_000_000_000L) {
                Thread.sleep(5);
            }
            assertTrue(client.isPaused(), "not paused after 5 s");
            // the held status read is answered by the pause: from the pause's 200 to onPause, at most a second
            long millis = (onPauseAt.get() - pausedAt) / 1_000_000;
            assertTrue(millis <= 1000, "onPause " + millis + " ms after the pause");
            assertEquals("runaway costs", client.pausedReason(slug));
            assertEquals(PauseSource.PERSON, client.pauseSource(slug));

            post("/api/v1/controls/resume-agent/" + id, adminToken, Map.of("reason", "budget raised"));
            long resumedAt = System.nanoTime();
            while (client.isPaused() && System.nanoTime() - resumedAt < 5_000_000_000L) {
                Thread.sleep(10);
            }
            assertTrue(!client.isPaused());
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("true:runaway costs", "false:null"), changes);
    }

    @Test
    void strictStartRunOnAPausedAgentThrowsAgentPausedException() throws Exception {
        JsonNode agent = post("/api/v1/agents", adminToken, Map.of("name", "Paused before the run", "type", "custom"));
        String slug = agent.findValue("slug").asText();
        post("/api/v1/controls/pause-agent/" + agent.findValue("id").asText(), adminToken, Map.of("reason", "on hold"));
        try (AgentOpsClient client = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl).strict(true)
            .build()) {
            AgentPausedException paused = assertThrows(AgentPausedException.class, client::startRun);
            assertEquals("agent_paused", paused.code());
            assertTrue(paused.getMessage().contains("on hold"), paused.getMessage());
            assertTrue(client.isPaused());
        }
        try (AgentOpsClient lenient = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl).strict(false)
            .build()) {
            String runId = lenient.startRun();
            assertTrue(lenient.isPaused());
            lenient.endRun(runId, RunStatus.CANCELLED, null, "paused");
        }
    }

    @Test
    void budgetStatusTurnsExceededOnceTheAgentsSpendReachesItsBudget() throws Exception {
        JsonNode agent = post("/api/v1/agents", adminToken, Map.of("name", "Spender", "type", "custom"));
        String slug = agent.findValue("slug").asText();
        post("/api/v1/budgets", adminToken, Map.of("name", "Tiny", "scope", "agent", "agent_id", agent.findValue("id").asText(),
            "max_amount_usd", 0.000001, "period", "monthly"));
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AgentOpsClient client = AgentOpsClient.builder().apiKey(apiKey).agentId(slug).baseUrl(baseUrl)
            .onBudgetStatus((status, who) -> seen.add(status + ":" + who)).build()) {
            String runId = client.startRun();
            assertEquals(BudgetStatus.OK, client.budgetStatus());
            client.recordLlmCall(runId, "gpt-4o", Map.of("prompt_tokens", 1000, "completion_tokens", 200));
            client.flush();
            long processed = System.nanoTime() + 30_000_000_000L;
            while (get("/api/v1/runs?external_reference=" + runId).path("data").size() == 0 && System.nanoTime() < processed) {
                Thread.sleep(100);
            }
            // the worker's rollup reaches the server's budget cache within about a second
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (client.budgetStatus() != BudgetStatus.EXCEEDED && System.nanoTime() < deadline) {
                client.recordToolCall(runId, "spend-check", null, null);
                client.flush();
                Thread.sleep(200);
            }
            assertEquals(BudgetStatus.EXCEEDED, client.budgetStatus());
            assertEquals(BudgetStatus.EXCEEDED, client.budgetStatus(slug));
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        assertEquals(List.of("EXCEEDED:" + slug), seen);
    }

    /** Polls GET /runs?external_reference= until the run is final and has its events. */
    private static JsonNode awaitRun(String runId, int events) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            JsonNode data = get("/api/v1/runs?external_reference=" + runId).path("data");
            if (data.size() == 1) {
                last = data.get(0);
                if (!"running".equals(last.path("status").asText())
                    && get("/api/v1/runs/" + last.path("id").asText()).path("data").path("events").size() == events) {
                    assertEquals(runId, last.path("external_reference").asText());
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not show up complete within 30 s; last seen: " + last);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String path, String token, Object body) throws Exception {
        return send("POST", path, token, body);
    }

    private static JsonNode send(String method, String path, String token, Object body) throws Exception {
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

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
