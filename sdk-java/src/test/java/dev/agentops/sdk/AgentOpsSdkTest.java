package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentops.sdk.generated.invoker.ApiClient;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class AgentOpsSdkTest {

    @Test
    void versionComesFromTheBuild() {
        // the root POM's revision, passed by surefire: one product version
        assertEquals(System.getProperty("agentops.version"), AgentOpsSdk.VERSION);
    }

    @Test
    void generatedApiClientTakesABaseUri() {
        ApiClient client = new ApiClient(
                HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), "http://localhost:8080");

        assertEquals("http://localhost:8080", client.getBaseUri());
    }
}
