package dev.agentops.hub.shared.docs;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed backend/openapi.yml is the contract the SPA and both SDKs build from: it must not drift. */
class OpenApiDocumentTest {

    private static final Path GENERATED = Path.of("target/classes/META-INF/swagger/agentops-hub.yml");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    @Test
    void committedDocumentMatchesTheGeneratedOne() throws Exception {
        Path committed = Path.of("openapi.yml");
        assertThat(Files.readString(committed))
            .as("backend/openapi.yml is stale. Refresh it from the backend folder with: cp " + GENERATED + " " + committed)
            .isEqualTo(Files.readString(GENERATED));
    }

    /**
     * Generated clients name their methods after operationIds; without {@code @Operation(operationId = ...)} the
     * generator falls back to the Java method name and numbers clashes ({@code list_1}), which SDK users then call.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAUniqueResourceNamedOperationId() throws Exception {
        Map<String, Object> document = new Yaml().load(Files.readString(GENERATED));
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Object id = ((Map<String, Object>) operation).get("operationId");
            String where = method.toUpperCase() + " " + path;
            if (id == null) {
                wrong.add(where + " has no operationId");
            } else if (!id.toString().matches("[a-z][a-zA-Z]*")) {
                wrong.add(where + " has operationId " + id + ": use camelCase verb + resource, e.g. listRuns");
            } else if (!seen.add(id.toString())) {
                wrong.add(where + " repeats operationId " + id);
            }
        }));
        assertThat(wrong).as("add @Operation(operationId = \"verbResource\") to the controller method").isEmpty();
        assertThat(seen).contains("listRuns", "ingestRun", "createAgent");
    }
}
