package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentops.sdk.generated.invoker.ApiClient;
import dev.agentops.sdk.generated.model.IngestEvent;
import dev.agentops.sdk.generated.model.IngestRunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated core is rebuilt from {@code backend/openapi.yml} on every build, but the hand-written layer is not:
 * {@code sdk-java/openapi.sha256} records the document the facade was last checked against, so an API change fails
 * here until someone has looked at the SDK.
 */
class GeneratedCodeFreshnessTest {

    @Test
    void theFacadeWasCheckedAgainstTheCurrentApiDocument() throws Exception {
        Path spec = Path.of("../backend/openapi.yml");
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(spec)));
        String recorded = Files.readString(Path.of("openapi.sha256")).trim();
        assertEquals(recorded, actual, "backend/openapi.yml changed since the Java SDK was last checked against it. "
            + "Rebuild (mvn -pl sdk-java package regenerates dev.agentops.sdk.generated), review AgentOpsClient and "
            + "the README against the change, then refresh the checksum: sha256sum backend/openapi.yml | cut -d' ' -f1 "
            + "> sdk-java/openapi.sha256");
    }

    @Test
    void theFacadesWireNamesExistInTheGeneratedModel() throws Exception {
        IngestRunRequest request = new IngestRunRequest().runId("r").agentId("a").status(dev.agentops.sdk.generated.model.RunStatus.RUNNING).startTime("t")
            .endTime("t").input(Map.of()).output(Map.of()).error("e").tags(List.of("x")).metadata(Map.of())
            .events(List.of(new IngestEvent().eventId("e").eventType(dev.agentops.sdk.generated.model.EventType.LLM_CALL).timestamp("t").model("m")
                .tokenUsage(Map.of()).usageFormat(dev.agentops.sdk.generated.model.UsageFormat.AGENTOPS).durationMs(1L).payload(Map.of())));
        JsonNode json = ApiClient.createDefaultObjectMapper().valueToTree(request);
        for (String field : List.of("run_id", "agent_id", "status", "start_time", "end_time", "input", "output", "error",
            "tags", "metadata", "events")) {
            assertTrue(json.has(field), field);
        }
        for (String field : List.of("event_id", "event_type", "timestamp", "model", "token_usage", "usage_format",
            "duration_ms", "payload")) {
            assertTrue(json.path("events").get(0).has(field), field);
        }
    }

    @Test
    void theSdksEventTypesAreExactlyTheApisEventTypes() {
        assertEquals(
            java.util.Arrays.stream(dev.agentops.sdk.generated.model.EventType.values())
                .map(dev.agentops.sdk.generated.model.EventType::getValue).collect(java.util.stream.Collectors.toSet()),
            java.util.Arrays.stream(EventType.values()).map(EventType::wire).collect(java.util.stream.Collectors.toSet()));
    }
}
