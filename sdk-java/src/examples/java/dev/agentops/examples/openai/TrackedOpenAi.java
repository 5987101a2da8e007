package dev.agentops.examples.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentops.sdk.AgentOpsClient;
import dev.agentops.sdk.LlmCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * OpenAI Chat Completions over plain {@code java.net.http} (any OpenAI-compatible API), recording every completion
 * in AgentOps with its model and usage. The SDK normalises OpenAI's usage object (cached prompt tokens, reasoning
 * tokens) into the API's canonical form.
 */
public final class TrackedOpenAi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String apiKey;
    private final AgentOpsClient agentOps;

    /**
     * @param baseUrl  e.g. {@code https://api.openai.com/v1}
     * @param apiKey   the OpenAI key
     * @param agentOps where to record the calls
     */
    public TrackedOpenAi(String baseUrl, String apiKey, AgentOpsClient agentOps) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.agentOps = agentOps;
    }

    /** POST /chat/completions with {@code request} (model, messages...); records it under {@code runId}. */
    @SuppressWarnings("unchecked")
    public JsonNode chatCompletion(String runId, Map<String, Object> request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("OpenAI answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode completion = JSON.readTree(response.body());
            String model = completion.path("model").asText(String.valueOf(request.get("model")));
            LlmCall.Builder call = LlmCall.builder(model).input(request.get("messages"))
                .output(completion.path("choices").path(0).path("message").path("content").asText(null))
                .durationMs((System.nanoTime() - started) / 1_000_000);
            if (completion.hasNonNull("usage")) {
                call.openAiUsage(JSON.convertValue(completion.get("usage"), Map.class));
            }
            agentOps.recordLlmCall(runId, call.build());
            return completion;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
