package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentops.sdk.generated.invoker.ApiClient;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class AgentOpsSdkTest {

    @Test
    void versionComesFromTheBuild() {
        assertEquals("0.1.0", AgentOpsSdk.VERSION);
    }

    @Test
    void generatedApiClientTakesABaseUri() {
        ApiClient client = new ApiClient(
                HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), "http://localhost:8080");

        assertEquals("http://localhost:8080", client.getBaseUri());
    }
}
