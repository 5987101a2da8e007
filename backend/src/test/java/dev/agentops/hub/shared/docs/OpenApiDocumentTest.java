package dev.agentops.hub.shared.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed backend/openapi.yml is the contract the SPA and both SDKs build from: it must not drift. */
class OpenApiDocumentTest {

    @Test
    void committedDocumentMatchesTheGeneratedOne() throws Exception {
        Path generated = Path.of("target/classes/META-INF/swagger/agentops-hub.yml");
        Path committed = Path.of("openapi.yml");
        assertThat(Files.readString(committed))
            .as("backend/openapi.yml is stale. Refresh it from the backend folder with: cp " + generated + " " + committed)
            .isEqualTo(Files.readString(generated));
    }
}
