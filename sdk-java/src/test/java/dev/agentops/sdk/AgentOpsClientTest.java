package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.AuthenticationException;
import dev.agentops.sdk.core.ConnectionException;
import dev.agentops.sdk.core.IdempotencyException;
import dev.agentops.sdk.core.NotFoundException;
import dev.agentops.sdk.core.PermissionException;
import dev.agentops.sdk.core.RateLimitException;
import dev.agentops.sdk.core.ServerException;
import dev.agentops.sdk.core.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentOpsClientTest {

    private StubServer server;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<AgentOpsException> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new StubServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AgentOpsClient.Builder client() {
        return AgentOpsClient.builder().apiKey("aoh_test").agentId("bot").baseUrl(server.url())
            .flushAt(1000).flushInterval(Duration.ofHours(1)).sleeper(sleeps::add).onError(errors::add);
    }

    @Test
    void sendsWhenFlushAtItemsAreBuffered() throws Exception {
        try (AgentOpsClient client = client().flushAt(3).build()) {
            String runId = client.startRun(Map.of("q", "hi"));
            client.recordToolCall(runId, "search", Map.of("q", "hi"), List.of("a"));
            assertTrue(server.ingests().isEmpty());
            client.recordLlmCall(runId, "gpt-4o", Map.of("prompt_tokens", 10, "completion_tokens", 2));
            waitFor(() -> server.ingests().size() == 1);
            JsonNode body = server.ingests().get(0).body();
            assertEquals(runId, body.path("run_id").asText());
            assertEquals("bot", body.path("agent_id").asText());
            assertEquals("running", body.path("status").asText());
            assertEquals(2, body.path("events").size());
            assertEquals("tool_call", body.path("events").get(0).path("event_type").asText());
            assertEquals("Bearer aoh_test", server.ingests().get(0).header("Authorization"));
            assertTrue(body.path("start_time").asText().endsWith("Z"));
        }
    }

    @Test
    void sendsEveryFlushInterval() throws Exception {
        try (AgentOpsClient client = client().flushInterval(Duration.ofMillis(100)).build()) {
            client.startRun();
            waitFor(() -> server.ingests().size() == 1);
        }
    }

    @Test
    void closeFlushesAndEndsTheRun() {
        String runId;
        try (AgentOpsClient client = client().build()) {
            runId = client.startRun(StartRun.builder().input(Map.of("a", 1)).tags("prod").metadata("k", "v").build());
            client.recordExternalAction(runId, "send_email", "a@example.com", Map.of("subject", "hi"));
            client.endRun(runId, RunStatus.COMPLETED, Map.of("ok", true), null);
            assertTrue(server.ingests().isEmpty());
        }
        assertEquals(1, server.ingests().size());
        JsonNode body = server.ingests().get(0).body();
        assertEquals(runId, body.path("run_id").asText());
        assertEquals("completed", body.path("status").asText());
        assertEquals("prod", body.path("tags").get(0).asText());
        assertEquals("v", body.path("metadata").path("k").asText());
        assertTrue(body.hasNonNull("end_time"));
        JsonNode payload = body.path("events").get(0).path("payload");
        assertEquals("send_email", payload.path("action_type").asText());
        assertEquals("a@example.com", payload.path("target").asText());
        assertEquals("hi", payload.path("payload").path("subject").asText());
        assertNotNull(server.ingests().get(0).header("Idempotency-Key"));
    }

    @Test
    void retriesA429AfterRetryAfterWithTheSameIds() {
        server.reply(429, "{\"error\":\"slow down\",\"code\":\"rate_limited\",\"request_id\":\"r1\"}", Map.of("Retry-After", "7"));
        try (AgentOpsClient client = client().build()) {
            String runId = client.startRun();
            client.recordToolCall(runId, "t", null, null);
            client.flush();
        }
        assertEquals(2, server.ingests().size());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
        assertEquals(server.ingests().get(0).body(), server.ingests().get(1).body());
        assertTrue(errors.isEmpty());
    }

    @Test
    void retries5xxWithJitteredBackoffThenGivesUp() {
        for (int i = 0; i < 3; i++) {
            server.reply(502, "{\"error\":\"bad gateway\",\"code\":\"unavailable\"}", Map.of("X-Request-Id", "req-" + i));
        }
        try (AgentOpsClient client = client().maxRetries(2).build()) {
            client.startRun();
            client.flush();
            assertEquals(3, server.ingests().size());
        }
        // kept for the next flush: close() delivered it, with the same body
        assertEquals(4, server.ingests().size());
        assertEquals(server.ingests().get(0).body(), server.ingests().get(3).body());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(0).toMillis() <= 500 && sleeps.get(1).toMillis() <= 1000, sleeps.toString());
        assertEquals(1, errors.size());
        ServerException failure = assertInstanceOf(ServerException.class, errors.get(0));
        assertEquals("req-2", failure.requestId());
        assertTrue(failure.getMessage().contains("request id req-2"), failure.getMessage());
    }

    @Test
    void neverRetriesOther4xx() {
        server.reply(400, "{\"error\":\"bad\",\"code\":\"validation_failed\",\"details\":{\"fields\":"
            + "[{\"field\":\"events[0].event_type\",\"problem\":\"must be one of\"}]},\"request_id\":\"r9\"}", Map.of());
        try (AgentOpsClient client = client().build()) {
            client.startRun();
            client.flush();
        }
        assertEquals(1, server.ingests().size());
        assertTrue(sleeps.isEmpty());
        ValidationException failure = assertInstanceOf(ValidationException.class, errors.get(0));
        assertEquals("events[0].event_type", failure.fields().get(0).field());
        assertEquals("r9", failure.requestId());
    }

    @Test
    void neverThrowsUnlessStrict() {
        server.reply(401, "{\"error\":\"no\",\"code\":\"unauthenticated\"}", Map.of());
        AgentOpsClient lenient = client().build();
        lenient.startRun();
        lenient.flush();
        lenient.close();
        assertInstanceOf(AuthenticationException.class, errors.get(0));

        server.reply(401, "{\"error\":\"no\",\"code\":\"unauthenticated\"}", Map.of());
        AgentOpsClient strict = client().strict(true).build();
        strict.startRun();
        assertThrows(AuthenticationException.class, strict::flush);
        strict.startRun();
        server.reply(403, "{\"error\":\"no\",\"code\":\"forbidden\"}", Map.of());
        assertThrows(PermissionException.class, strict::close);
    }

    @Test
    void connectionFailuresAreRetriedAndReported() {
        AgentOpsClient client = AgentOpsClient.builder().apiKey("k").agentId("bot").baseUrl("http://127.0.0.1:1")
            .maxRetries(1).sleeper(sleeps::add).strict(true).build();
        client.startRun();
        assertThrows(ConnectionException.class, client::close);
        assertEquals(1, sleeps.size());
    }

    @Test
    void surfacesPausedAgents() {
        try (AgentOpsClient client = client().build()) {
            assertFalse(client.isPaused());
            server.agentStatus = "paused";
            client.startRun();
            client.flush();
            assertTrue(client.isPaused());
            server.agentStatus = "active";
            client.startRun();
            client.flush();
            assertFalse(client.isPaused());
        }
    }

    @Test
    void normalisesUsageShapes() {
        Usage openAi = Usage.from(Map.of("prompt_tokens", 1000, "completion_tokens", 200,
            "prompt_tokens_details", Map.of("cached_tokens", 400), "completion_tokens_details", Map.of("reasoning_tokens", 50)));
        assertEquals(new Usage(1000, 200, 400, 0, 0, 50), openAi);
        Usage anthropic = Usage.fromAnthropic(Map.of("input_tokens", 100, "output_tokens", 20,
            "cache_read_input_tokens", 300, "cache_creation_input_tokens", 50));
        assertEquals(new Usage(450, 20, 300, 50, 0, 0), anthropic);
        Usage nested = Usage.from(Map.of("input_tokens", 100, "output_tokens", 20,
            "cache_creation", Map.of("ephemeral_5m_input_tokens", 10, "ephemeral_1h_input_tokens", 5)));
        assertEquals(new Usage(115, 20, 0, 10, 5, 0), nested);
        try (AgentOpsClient client = client().build()) {
            String runId = client.startRun();
            client.recordLlmCall(runId, "gpt-4o", Map.of("prompt_tokens", 1000, "completion_tokens", 200,
                "prompt_tokens_details", Map.of("cached_tokens", 400)));
        }
        JsonNode event = server.ingests().get(0).body().path("events").get(0);
        assertEquals("agentops", event.path("usage_format").asText());
        assertEquals(1000, event.path("token_usage").path("input_tokens").asLong());
        assertEquals(400, event.path("token_usage").path("cache_read_input_tokens").asLong());
        assertEquals("gpt-4o", event.path("model").asText());
    }

    @Test
    void sendsProviderUsageObjectsAsReturnedWithTheRightHint() {
        // as the provider SDKs return them, serialised to maps (shapes from their documentation)
        Map<String, Object> gemini = Map.of("promptTokenCount", 4223, "candidatesTokenCount", 312, "totalTokenCount", 5678,
            "cachedContentTokenCount", 4096, "thoughtsTokenCount", 1143);
        Map<String, Object> geminiPython = Map.of("prompt_token_count", 4223, "candidates_token_count", 312,
            "prompt_tokens_details", List.of(Map.of("modality", "TEXT", "token_count", 4223)));
        Map<String, Object> bedrock = Map.of("inputTokens", 12, "outputTokens", 155, "totalTokens", 1263,
            "cacheReadInputTokens", 0, "cacheWriteInputTokens", 1096);
        Map<String, Object> vercelV5 = Map.of("inputTokens", 2006, "outputTokens", 300, "totalTokens", 2306,
            "cachedInputTokens", 1920);
        Map<String, Object> langChain = Map.of("input_tokens", 1653, "output_tokens", 290, "total_tokens", 1943,
            "input_token_details", Map.of("cache_read", 0, "cache_creation", 1640));
        Map<String, Object> cohere = Map.of("billed_units", Map.of("input_tokens", 17, "output_tokens", 12),
            "tokens", Map.of("input_tokens", 215, "output_tokens", 12));
        Map<String, Object> cohereV1 = Map.of("meta", Map.of("billed_units", Map.of("input_tokens", 17, "output_tokens", 12)));
        Map<String, Object> unknown = Map.of("tokens_in", 1200, "tokens_out", 300);
        List<Map<String, Object>> usages = List.of(gemini, geminiPython, bedrock, vercelV5, langChain, cohere, cohereV1, unknown);
        try (AgentOpsClient client = client().build()) {
            String runId = client.startRun();
            usages.forEach(usage -> client.recordLlmCall(runId, "some-model", usage));
        }

        JsonNode events = server.ingests().get(0).body().path("events");
        List<String> hints = new ArrayList<>();
        for (int i = 0; i < usages.size(); i++) {
            JsonNode event = events.get(i);
            hints.add(event.has("usage_format") ? event.path("usage_format").asText() : null);
            assertEquals(usages.get(i).keySet(), iterable(event.path("token_usage").fieldNames()), "sent as it is");
        }
        assertEquals(Arrays.asList("gemini", "gemini", "bedrock", "vercel_ai", "langchain", "cohere", "cohere", null), hints);
        assertEquals(1096, events.get(2).path("token_usage").path("cacheWriteInputTokens").asLong());
        assertEquals(UsageFormat.ANTHROPIC, Usage.detect(Map.of("input_tokens", 10, "cache_read_input_tokens", 5)));
        assertThrows(IllegalArgumentException.class, () -> Usage.from(gemini));
    }

    private static java.util.Set<String> iterable(java.util.Iterator<String> names) {
        java.util.Set<String> set = new java.util.HashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    @Test
    void mapsErrorsByCodeThenStatus() {
        server.reply(404, "{\"error\":\"gone\",\"code\":\"not_found\"}", Map.of("X-Request-Id", "abc"));
        server.reply(500, "not json", Map.of());
        server.reply(418, "{\"error\":\"teapot\",\"code\":\"odd\"}", Map.of());
        server.reply(429, "{}", Map.of("Retry-After", "3"));
        try (AgentOpsClient client = client().maxRetries(0).build()) {
            NotFoundException notFound = assertThrows(NotFoundException.class, () -> client.http().get("/api/v1/agents/x"));
            assertEquals("abc", notFound.requestId());
            assertEquals(404, notFound.status());
            assertInstanceOf(ServerException.class, assertThrows(AgentOpsException.class, () -> client.http().get("/x")));
            AgentOpsException other = assertThrows(AgentOpsException.class, () -> client.http().get("/x"));
            assertEquals("odd", other.code());
            RateLimitException limited = assertThrows(RateLimitException.class, () -> client.http().get("/x"));
            assertEquals(Duration.ofSeconds(3), limited.retryAfter());
        }
    }

    @Test
    void otherPostsCarryOneIdempotencyKeyAcrossRetries() {
        server.reply(503, "{\"error\":\"busy\",\"code\":\"unavailable\"}", Map.of("Retry-After", "1"));
        try (AgentOpsClient client = client().build()) {
            client.http().post("/api/v1/things", Map.of("a", 1));
        }
        List<StubServer.Recorded> posts = server.requests.stream().filter(r -> r.path().equals("/api/v1/things")).toList();
        assertEquals(2, posts.size());
        assertNotNull(posts.get(0).header("Idempotency-Key"));
        assertEquals(posts.get(0).header("Idempotency-Key"), posts.get(1).header("Idempotency-Key"));
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void everyIngestCarriesAnIdempotencyKeyReusedAcrossItsRetriesWithTheSameBytes() {
        server.reply(503, "{\"error\":\"busy\",\"code\":\"unavailable\"}", Map.of());
        try (AgentOpsClient client = client().build()) {
            String runId = client.startRun();
            client.recordToolCall(runId, "t", Map.of("b", 1, "a", 2), null);
            client.flush();
            client.recordToolCall(runId, "u", null, null);
        }
        List<StubServer.Recorded> ingests = server.ingests();
        assertEquals(3, ingests.size());
        String key = ingests.get(0).header("Idempotency-Key");
        assertTrue(key.matches("[0-9a-f-]{36}"), key);
        assertEquals(key, ingests.get(1).header("Idempotency-Key"));
        assertEquals(ingests.get(0).raw(), ingests.get(1).raw());
        assertNotNull(ingests.get(2).header("Idempotency-Key"));
        assertFalse(key.equals(ingests.get(2).header("Idempotency-Key")), "a new logical request gets a new key");
        assertTrue(ingests.get(0).raw().contains("\"input\":{\"a\":2,\"b\":1}"), ingests.get(0).raw());
    }

    @Test
    void retriesIdempotencyInProgressButNeverAKeyReusedWithAnotherBody() {
        server.reply(409, "{\"error\":\"still running\",\"code\":\"idempotency_in_progress\"}", Map.of());
        server.reply(422, "{\"error\":\"key reused\",\"code\":\"idempotency_key_reused\",\"request_id\":\"r5\"}", Map.of());
        try (AgentOpsClient client = client().build()) {
            client.startRun();
            client.flush();
        }
        assertEquals(2, server.ingests().size());
        assertEquals(1, sleeps.size());
        IdempotencyException failure = assertInstanceOf(IdempotencyException.class, errors.get(0));
        assertEquals(422, failure.status());
        assertEquals("idempotency_key_reused", failure.code());
    }

    @Test
    void keepsWhatAnUnreachableServerDidNotTakeForTheNextFlush() {
        server.reply(503, "{\"error\":\"busy\",\"code\":\"unavailable\"}", Map.of());
        try (AgentOpsClient client = client().maxRetries(0).build()) {
            String runId = client.startRun();
            client.recordToolCall(runId, "t", null, null);
            client.flush();
            assertInstanceOf(ServerException.class, errors.get(0));
            client.endRun(runId, RunStatus.COMPLETED, null, null);
            client.flush();
        }
        assertEquals(2, server.ingests().size());
        JsonNode first = server.ingests().get(0).body();
        JsonNode second = server.ingests().get(1).body();
        assertEquals(first.path("events"), second.path("events"));
        assertEquals(first.path("start_time"), second.path("start_time"));
        assertEquals("completed", second.path("status").asText());
    }

    @Test
    void dropsAndReportsTelemetryBeyondTheBufferLimit() {
        try (AgentOpsClient client = client().maxBufferedItems(2).build()) {
            String runId = client.startRun();
            client.recordToolCall(runId, "kept", null, null);
            client.recordToolCall(runId, "dropped", null, null);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getMessage().contains("dropped"), errors.get(0).getMessage());
        }
        assertEquals(1, server.ingests().get(0).body().path("events").size());
    }

    @Test
    void flushFromTheErrorCallbackDoesNotDeadlock() {
        server.reply(400, "{\"error\":\"bad\",\"code\":\"validation_failed\"}", Map.of());
        AgentOpsClient[] holder = new AgentOpsClient[1];
        try (AgentOpsClient client = client().onError(e -> holder[0].flush()).build()) {
            holder[0] = client;
            client.startRun();
            client.flush();
        }
        assertEquals(1, server.ingests().size());
    }

    @Test
    void lowLevelClientIsConfigured() {
        try (AgentOpsClient client = client().build()) {
            assertEquals(server.url(), client.lowLevel().getBaseUri());
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
