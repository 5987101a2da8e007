package dev.agentops.examples.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.agentops.sdk.AgentOpsClient;
import dev.agentops.sdk.LlmCall;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wraps the official OpenAI Java client so that every chat completion is recorded in AgentOps with its model and
 * usage. Only the example depends on the OpenAI client; the SDK itself stays on java.net.http and Jackson.
 */
public final class TrackedOpenAi implements AutoCloseable {

    private final OpenAIClient openAi;
    private final AgentOpsClient agentOps;

    /**
     * @param baseUrl  e.g. {@code https://api.openai.com/v1} (any OpenAI-compatible API)
     * @param apiKey   the OpenAI key
     * @param agentOps where to record the calls
     */
    public TrackedOpenAi(String baseUrl, String apiKey, AgentOpsClient agentOps) {
        this.openAi = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
        this.agentOps = agentOps;
    }

    /** Creates the completion and records it under {@code runId}; failures are recorded by the caller's run. */
    public ChatCompletion create(String runId, ChatCompletionCreateParams params) {
        long started = System.nanoTime();
        ChatCompletion completion = openAi.chat().completions().create(params);
        LlmCall.Builder call = LlmCall.builder(completion.model())
            .provider("openai")
            .request(params.messages().toString())
            .response(completion.choices().isEmpty() ? null : completion.choices().get(0).message().content().orElse(null))
            .durationMs((System.nanoTime() - started) / 1_000_000);
        completion.usage().ifPresent(usage -> call.openAiUsage(usageMap(usage)));
        agentOps.recordLlmCall(runId, call.build());
        return completion;
    }

    /** OpenAI's usage object in its wire shape, which the SDK normalises (cached and reasoning tokens included). */
    static Map<String, Object> usageMap(CompletionUsage usage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("prompt_tokens", usage.promptTokens());
        map.put("completion_tokens", usage.completionTokens());
        usage.promptTokensDetails().flatMap(d -> d.cachedTokens())
            .ifPresent(cached -> map.put("prompt_tokens_details", Map.of("cached_tokens", cached)));
        usage.completionTokensDetails().flatMap(d -> d.reasoningTokens())
            .ifPresent(reasoning -> map.put("completion_tokens_details", Map.of("reasoning_tokens", reasoning)));
        return map;
    }

    @Override
    public void close() {
        openAi.close();
    }
}
