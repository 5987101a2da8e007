package dev.agentops.sdk;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model call for {@link AgentOpsClient#recordLlmCall(String, LlmCall)}; sent as an {@code llm_call} event with
 * {@code model}, {@code token_usage}, {@code usage_format}, {@code cost_usd} and {@code duration_ms} on the event and
 * {@code payload: {provider, request, response}} when any of those is set.
 *
 * @param model      the model name as the provider reports it ({@code gpt-4o}, {@code claude-sonnet-4-5})
 * @param usage      normalised usage (see {@link Usage}); null when unknown or sent as {@code providerUsage}
 * @param provider   who served it ({@code openai}, {@code anthropic}; optional)
 * @param request    the prompt or messages (optional)
 * @param response   the completion (optional)
 * @param durationMs how long the call took (optional)
 * @param costUsd    a cost you computed yourself, which wins over the server's price (optional)
 * @param providerUsage a provider usage object the hub reads itself (Gemini, Bedrock, Vercel AI SDK, LangChain,
 *                   Cohere, or of no known shape), sent as it is when {@code usage} is null
 * @param usageFormat the shape of {@code providerUsage}, sent as {@code usage_format}; null sends no hint
 */
public record LlmCall(String model, Usage usage, String provider, Object request, Object response, Long durationMs,
                      BigDecimal costUsd, Map<String, Object> providerUsage, UsageFormat usageFormat) {

    public LlmCall(String model, Usage usage, String provider, Object request, Object response, Long durationMs,
                   BigDecimal costUsd) {
        this(model, usage, provider, request, response, durationMs, costUsd, null, null);
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** Fluent builder for {@link LlmCall}. */
    public static final class Builder {
        private final String model;
        private Usage usage;
        private String provider;
        private Object request;
        private Object response;
        private Long durationMs;
        private BigDecimal costUsd;
        private Map<String, Object> providerUsage;
        private UsageFormat usageFormat;

        Builder(String model) {
            this.model = model;
        }

        /**
         * A provider usage object as its SDK returns it (as a map), its shape recognised by {@link Usage#detect}:
         * OpenAI, Anthropic and canonical usage are normalised here; Gemini, Bedrock, Vercel AI SDK, LangChain and
         * Cohere usage is sent as it is with its shape as the hint; an object of no known shape is sent without one.
         */
        public Builder usage(Map<String, ?> usage) {
            return usage(usage, usage == null ? null : Usage.detect(usage));
        }

        /** Usage in the given shape, taken as that shape whatever its keys look like. */
        public Builder usage(Map<String, ?> usage, UsageFormat format) {
            this.usage = null;
            this.providerUsage = null;
            this.usageFormat = null;
            if (usage == null) {
                return this;
            }
            if (format != null && format.normalisedBySdk()) {
                this.usage = Usage.from(usage, format);
            } else {
                this.providerUsage = new LinkedHashMap<>(usage);
                this.usageFormat = format;
            }
            return this;
        }

        public Builder usage(Usage usage) {
            this.usage = usage;
            this.providerUsage = null;
            this.usageFormat = null;
            return this;
        }

        public Builder openAiUsage(Map<String, ?> usage) {
            this.usage = Usage.fromOpenAi(usage);
            return this;
        }

        public Builder anthropicUsage(Map<String, ?> usage) {
            this.usage = Usage.fromAnthropic(usage);
            return this;
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder request(Object request) {
            this.request = request;
            return this;
        }

        public Builder response(Object response) {
            this.response = response;
            return this;
        }

        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder costUsd(BigDecimal costUsd) {
            this.costUsd = costUsd;
            return this;
        }

        public LlmCall build() {
            return new LlmCall(model, usage, provider, request, response, durationMs, costUsd, providerUsage, usageFormat);
        }
    }
}
