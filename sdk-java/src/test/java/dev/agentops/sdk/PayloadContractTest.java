package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The payload contract shared with the TypeScript SDK: {@code docs/contract/sdk-payloads.json} lists calls and the
 * exact bodies they must send. Each case runs on a client with the fixture's clock and sequential ids against a local
 * stub, and every body must equal the expected one byte for byte. On a mismatch the bodies this SDK sent are written
 * to {@code target/sdk-payloads.actual.json}.
 */
class PayloadContractTest {

    static final Path FIXTURE = Path.of("../docs/contract/sdk-payloads.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode fixture;
    private static final ObjectNode actual = JSON.createObjectNode();

    @BeforeAll
    static void read() throws Exception {
        fixture = JSON.readTree(Files.readString(FIXTURE));
    }

    @AfterAll
    static void writeActual() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/sdk-payloads.actual.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
    }

    @Test
    void theFixtureHasACaseForEveryEventTypeTheSdkRecords() {
        List<String> methods = new ArrayList<>();
        fixture.path("cases").forEach(c -> c.path("calls").forEach(call -> methods.add(call.path("method").asText())));
        for (String method : List.of("startRun", "endRun", "recordLlmCall", "recordToolCall", "recordExternalAction",
            "recordError", "flush")) {
            assertTrue(methods.contains(method), method);
        }
    }

    @TestFactory
    Stream<DynamicTest> sendsTheFixturesBodiesByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : fixture.path("cases")) {
            tests.add(DynamicTest.dynamicTest(testCase.path("name").asText(), () -> run(testCase)));
        }
        return tests.stream();
    }

    private void run(JsonNode testCase) throws Exception {
        List<String> bodies;
        try (StubServer server = new StubServer()) {
            AtomicInteger next = new AtomicInteger();
            int flushAt = testCase.path("options").path("flushAt").asInt(fixture.path("client").path("flushAt").asInt());
            try (AgentOpsClient client = AgentOpsClient.builder().apiKey("aoh_test").baseUrl(server.url())
                .agentId(fixture.path("client").path("agentId").asText()).flushAt(flushAt)
                .flushInterval(java.time.Duration.ofHours(1)).strict(true)
                .clock(Clock.fixed(Instant.parse(fixture.path("clock").asText()), ZoneOffset.UTC))
                .ids(() -> String.format("00000000-0000-4000-8000-%012d", next.incrementAndGet())).build()) {
                for (JsonNode call : testCase.path("calls")) {
                    call(client, call.path("method").asText(), call.path("args"));
                }
                client.flush();
            }
            bodies = server.ingests().stream().map(StubServer.Recorded::raw).toList();
        }
        ArrayNode sent = actual.putArray(testCase.path("name").asText());
        bodies.forEach(sent::add);
        List<String> expected = new ArrayList<>();
        testCase.path("expected").forEach(body -> expected.add(body.asText()));
        assertEquals(expected, bodies);
    }

    private static void call(AgentOpsClient client, String method, JsonNode args) {
        switch (method) {
            case "startRun" -> client.startRun(new StartRun(text(args, "runId"), text(args, "agentId"),
                value(args, "input"), args.has("tags") ? JSON.convertValue(args.get("tags"), List.class) : null,
                args.has("metadata") ? JSON.convertValue(args.get("metadata"), Map.class) : null));
            case "endRun" -> {
                String status = text(args, "status");
                String error = text(args, "error");
                client.endRun(text(args, "runId"), status != null ? RunStatus.fromWire(status)
                    : error != null ? RunStatus.FAILED : RunStatus.COMPLETED, value(args, "output"), error);
            }
            case "recordLlmCall" -> {
                LlmCall.Builder llm = LlmCall.builder(text(args, "model")).provider(text(args, "provider"))
                    .request(value(args, "request")).response(value(args, "response"));
                if (args.has("usage")) {
                    Map<String, Object> usage = JSON.convertValue(args.get("usage"), Map.class);
                    if (args.has("usageFormat")) {
                        llm.usage(usage, UsageFormat.fromWire(text(args, "usageFormat")));
                    } else {
                        llm.usage(usage);
                    }
                }
                if (args.has("durationMs")) {
                    llm.durationMs(args.get("durationMs").asLong());
                }
                if (args.has("costUsd")) {
                    llm.costUsd(args.get("costUsd").decimalValue());
                }
                client.recordLlmCall(text(args, "runId"), llm.build());
            }
            case "recordToolCall" -> client.recordToolCall(text(args, "runId"), new ToolCall(text(args, "toolName"),
                value(args, "input"), value(args, "output"), text(args, "error"), longValue(args, "durationMs")));
            case "recordExternalAction" -> client.recordExternalAction(text(args, "runId"),
                new ExternalAction(text(args, "actionType"), text(args, "target"), value(args, "payload"),
                    text(args, "approvalId"), longValue(args, "durationMs"),
                    args.has("costUsd") ? args.get("costUsd").decimalValue() : null));
            case "recordError" -> client.recordError(text(args, "runId"), text(args, "error"),
                args.has("payload") ? JSON.convertValue(args.get("payload"), Map.class) : null);
            case "flush" -> client.flush();
            default -> throw new AssertionError("the fixture calls " + method + ", which this test does not know");
        }
    }

    private static String text(JsonNode args, String field) {
        return args.hasNonNull(field) ? args.get(field).asText() : null;
    }

    private static Long longValue(JsonNode args, String field) {
        return args.hasNonNull(field) ? args.get(field).asLong() : null;
    }

    private static Object value(JsonNode args, String field) {
        return args.has(field) ? JSON.convertValue(args.get(field), Object.class) : null;
    }
}
