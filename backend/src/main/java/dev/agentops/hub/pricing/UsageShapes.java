package dev.agentops.hub.pricing;

import java.util.List;
import java.util.Map;

/**
 * One reader per usage shape, each turning the provider's own counts into our {@link TokenUsage} (input counts
 * every prompt token, cached ones included; output every generated token, reasoning included). The mapping of each
 * shape, with the provider's field names, is documented in docs/api.md ("Token semantics"); the comments here say
 * only what is not obvious from it. Keys a shape knows but does not price are declared informational so that they
 * are not reported as unrecognised.
 */
final class UsageShapes {

    private UsageShapes() {
    }

    /** Anthropic's {@code input_tokens} counts only the prompt tokens neither read from nor written to the cache. */
    static TokenUsage anthropic(UsageFields f) {
        long uncached = f.count("input_tokens");
        long read = f.count("cache_read_input_tokens");
        Long flatWrites = f.optional("cache_creation_input_tokens");
        boolean split = f.has("cache_creation");
        UsageFields nested = f.child("cache_creation");
        long write5m = split ? nested.count("ephemeral_5m_input_tokens") : flatWrites == null ? 0 : flatWrites;
        long write1h = nested.count("ephemeral_1h_input_tokens");
        if (split && flatWrites != null && flatWrites != write5m + write1h) {
            throw new IllegalArgumentException("cache_creation_input_tokens (" + flatWrites + ") is not the sum of "
                + "cache_creation.ephemeral_5m_input_tokens and cache_creation.ephemeral_1h_input_tokens ("
                + (write5m + write1h) + ")");
        }
        f.informational("server_tool_use");
        return new TokenUsage(uncached + read + write5m + write1h, f.count("output_tokens"), read, write5m, write1h, 0);
    }

    /**
     * OpenAI Chat Completions and the OpenAI-compatible APIs (Mistral, DeepSeek, Groq, xAI, OpenRouter...): their
     * extra keys are known. DeepSeek's {@code prompt_cache_hit_tokens} is its cache read count.
     */
    static TokenUsage openAiChat(UsageFields f) {
        long input = f.count("prompt_tokens");
        long output = f.count("completion_tokens");
        UsageFields inputDetails = f.child("prompt_tokens_details");
        UsageFields outputDetails = f.child("completion_tokens_details");
        Long cached = inputDetails.optional("cached_tokens");
        Long deepSeekHits = f.optional("prompt_cache_hit_tokens");
        long read = cached != null ? cached : deepSeekHits != null ? deepSeekHits : 0;
        long reasoning = outputDetails.count("reasoning_tokens");
        f.informational("total_tokens", "prompt_cache_miss_tokens", "queue_time", "prompt_time", "completion_time",
            "total_time", "cost", "cost_details", "num_sources_used", "prompt_audio_seconds");
        inputDetails.informational("audio_tokens", "text_tokens", "image_tokens");
        outputDetails.informational("audio_tokens", "text_tokens", "image_tokens", "accepted_prediction_tokens",
            "rejected_prediction_tokens");
        atMost(cached != null ? "prompt_tokens_details.cached_tokens" : "prompt_cache_hit_tokens", read, "prompt_tokens", input);
        atMost("completion_tokens_details.reasoning_tokens", reasoning, "completion_tokens", output);
        return new TokenUsage(input, output, read, 0, 0, reasoning);
    }

    static TokenUsage openAiResponses(UsageFields f) {
        long input = f.count("input_tokens");
        long output = f.count("output_tokens");
        UsageFields inputDetails = f.child("input_tokens_details");
        UsageFields outputDetails = f.child("output_tokens_details");
        long cached = inputDetails.count("cached_tokens");
        long reasoning = outputDetails.count("reasoning_tokens");
        f.informational("total_tokens");
        inputDetails.informational("audio_tokens", "text_tokens", "image_tokens");
        outputDetails.informational("audio_tokens", "text_tokens", "image_tokens");
        atMost("input_tokens_details.cached_tokens", cached, "input_tokens", input);
        atMost("output_tokens_details.reasoning_tokens", reasoning, "output_tokens", output);
        return new TokenUsage(input, output, cached, 0, 0, reasoning);
    }

    static TokenUsage agentOps(UsageFields f) {
        long input = f.count("input_tokens");
        long output = f.count("output_tokens");
        long read = f.count("cache_read_input_tokens");
        long write5m = f.count("cache_creation_input_tokens");
        long write1h = f.count("cache_creation_1h_input_tokens");
        long reasoning = f.count("reasoning_tokens");
        f.informational("total_tokens");
        atMost("cache_read_input_tokens + cache_creation_input_tokens + cache_creation_1h_input_tokens",
            read + write5m + write1h, "input_tokens", input);
        atMost("reasoning_tokens", reasoning, "output_tokens", output);
        return new TokenUsage(input, output, read, write5m, write1h, reasoning);
    }

    /**
     * Gemini / Vertex AI {@code usageMetadata}, camelCase (REST, JavaScript) or snake_case (Python). The prompt count
     * includes the cached content; the candidates count excludes the thinking tokens, which are billed as output;
     * tool-use prompt tokens (search results fed back to the model) are a separate input count. The Live API says
     * {@code responseTokenCount} for the candidates.
     */
    static TokenUsage gemini(UsageFields f) {
        long prompt = f.count("promptTokenCount", "prompt_token_count");
        long toolPrompt = f.count("toolUsePromptTokenCount", "tool_use_prompt_token_count");
        long cached = f.count("cachedContentTokenCount", "cached_content_token_count");
        long candidates = f.count("candidatesTokenCount", "candidates_token_count", "responseTokenCount",
            "response_token_count");
        long thoughts = f.count("thoughtsTokenCount", "thoughts_token_count");
        f.informational("totalTokenCount", "total_token_count");
        atMost("cachedContentTokenCount", cached, "promptTokenCount", prompt);
        return new TokenUsage(prompt + toolPrompt, candidates + thoughts, cached, 0, 0, thoughts);
    }

    /**
     * Amazon Bedrock Converse {@code usage}: like Anthropic's, {@code inputTokens} excludes the cache reads and writes.
     * {@code cacheDetails} ({@code [{ttl: "1h", inputTokens}]}) says how many writes were 1-hour ones.
     */
    static TokenUsage bedrock(UsageFields f) {
        long uncached = f.count("inputTokens");
        long read = f.count("cacheReadInputTokens");
        long writes = f.count("cacheWriteInputTokens");
        long write1h = 0;
        List<?> details = f.list("cacheDetails");
        for (int i = 0; i < details.size(); i++) {
            if (details.get(i) instanceof Map<?, ?> detail && "1h".equals(detail.get("ttl")) && detail.get("inputTokens") != null) {
                write1h += UsageFields.parse("cacheDetails[" + i + "].inputTokens", detail.get("inputTokens"));
            }
        }
        write1h = Math.min(write1h, writes);
        f.informational("totalTokens");
        return new TokenUsage(uncached + read + writes, f.count("outputTokens"), read, writes - write1h, write1h, 0);
    }

    /** Vercel AI SDK v4 {@code usage} (also the Mistral TypeScript SDK's): OpenAI's counts in camelCase. */
    static TokenUsage vercelV4(UsageFields f) {
        f.informational("totalTokens");
        return TokenUsage.of(f.count("promptTokens"), f.count("completionTokens"));
    }

    /**
     * Vercel AI SDK v5 and v6 {@code usage}. v6 has {@code inputTokenDetails}/{@code outputTokenDetails} and totals that
     * include them. v5 documents {@code inputTokens} as every prompt token and {@code outputTokens} as every generated
     * one, but its providers differ: {@code @ai-sdk/anthropic} reports Anthropic's uncached input (so cached can exceed
     * it) and {@code @ai-sdk/google} the candidates without the thinking tokens (so the total is input + output +
     * reasoning); both are read as their providers meant them.
     */
    static TokenUsage vercelV5(UsageFields f) {
        long input = f.count("inputTokens");
        long output = f.count("outputTokens");
        Long total = f.informationalCount("totalTokens");
        f.informational("raw");
        if (f.keys().contains("inputTokenDetails") || f.keys().contains("outputTokenDetails")) {
            UsageFields inputDetails = f.child("inputTokenDetails");
            UsageFields outputDetails = f.child("outputTokenDetails");
            long read = inputDetails.count("cacheReadTokens");
            long write = inputDetails.count("cacheWriteTokens");
            long reasoning = outputDetails.count("reasoningTokens");
            inputDetails.informational("noCacheTokens");
            outputDetails.informational("textTokens");
            f.informational("cachedInputTokens", "reasoningTokens");
            atMost("inputTokenDetails.cacheReadTokens + inputTokenDetails.cacheWriteTokens", read + write, "inputTokens", input);
            atMost("outputTokenDetails.reasoningTokens", reasoning, "outputTokens", output);
            return new TokenUsage(input, output, read, write, 0, reasoning);
        }
        long cached = f.count("cachedInputTokens");
        long reasoning = f.count("reasoningTokens");
        long allInput = cached > input ? input + cached : input;
        boolean thinkingApart = reasoning > output
            || reasoning > 0 && total != null && total == input + output + reasoning;
        return new TokenUsage(allInput, thinkingApart ? output + reasoning : output, cached, 0, 0, reasoning);
    }

    /**
     * LangChain {@code usage_metadata}: totals include the details. langchain-anthropic adds the cache TTL split as
     * {@code ephemeral_5m_input_tokens}/{@code ephemeral_1h_input_tokens}, and then {@code cache_creation} repeats
     * (or zeroes) their sum. {@code priority_*}/{@code flex_*} details are OpenAI service-tier splits.
     */
    static TokenUsage langChain(UsageFields f) {
        long input = f.count("input_tokens");
        long output = f.count("output_tokens");
        UsageFields inputDetails = f.child("input_token_details");
        UsageFields outputDetails = f.child("output_token_details");
        long read = inputDetails.count("cache_read");
        Long ttl5m = inputDetails.optional("ephemeral_5m_input_tokens");
        Long ttl1h = inputDetails.optional("ephemeral_1h_input_tokens");
        long write5m = ttl5m != null ? ttl5m : ttl1h != null ? 0 : inputDetails.count("cache_creation");
        long write1h = ttl1h == null ? 0 : ttl1h;
        inputDetails.informational("cache_creation");
        long reasoning = outputDetails.count("reasoning");
        f.informational("total_tokens");
        for (UsageFields details : List.of(inputDetails, outputDetails)) {
            details.informational("audio");
            details.keys().stream().filter(k -> k.startsWith("priority") || k.startsWith("flex"))
                .forEach(details::informational);
        }
        atMost("input_token_details.cache_read + cache writes", read + write5m + write1h, "input_tokens", input);
        atMost("output_token_details.reasoning", reasoning, "output_tokens", output);
        return new TokenUsage(input, output, read, write5m, write1h, reasoning);
    }

    /**
     * Cohere: {@code billed_units} (v2 {@code usage}, v1 {@code meta}; camelCase from its TypeScript SDK) is what is
     * billed; {@code tokens} also counts the prompt template Cohere adds, which is not billed.
     */
    static TokenUsage cohere(UsageFields f) {
        UsageFields body = f.has("billed_units", "billedUnits") || !f.has("meta") ? f : f.child("meta");
        UsageFields billed = body.child("billed_units", "billedUnits");
        long input = billed.count("input_tokens", "inputTokens");
        long output = billed.count("output_tokens", "outputTokens");
        billed.informational("search_units", "searchUnits", "classifications", "images", "image_tokens", "imageTokens");
        body.informational("tokens", "api_version", "apiVersion", "cached_tokens", "cachedTokens");
        return TokenUsage.of(input, output);
    }

    static void atMost(String partName, long part, String wholeName, long whole) {
        if (part > whole) {
            throw new IllegalArgumentException(partName + " (" + part + ") exceeds " + wholeName + " (" + whole + "), which "
                + "must count them too");
        }
    }
}
