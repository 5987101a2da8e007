package dev.agentops.sdk;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One model call for {@link AgentOpsClient#recordLlmCall(String, LlmCall)}; sent as an {@code llm_call} event with
 * {@code model}, {@code token_usage}, {@code usage_format}, {@code cost_usd} and {@code duration_ms} on the event and
 * {@code payload: {provider, request, response}} when any of those is set.
 *
 * @param model      the model name as the provider reports it ({@code gpt-4o}, {@code claude-sonnet-4-5})
 * @param usage      normalised usage (see {@link Usage}); null when unknown
 * @param provider   who served it ({@code openai}, {@code anthropic}; optional)
 * @param request    the prompt or messages (optional)
 * @param response   the completion (optional)
 * @param durationMs how long the call took (optional)
 * @param costUsd    a cost you computed yourself, which wins over the server's price (optional)
 */
public record LlmCall(String model, Usage usage, String provider, Object request, Object response, Long durationMs,
                      BigDecimal costUsd) {

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

        Builder(String model) {
            this.model = model;
        }

        /** Usage in OpenAI (Chat or Responses), Anthropic-with-{@code cache_creation} or AgentOps shape, recognised. */
        public Builder usage(Map<String, ?> usage) {
            this.usage = Usage.from(usage);
            return this;
        }

        /** Usage in the given shape, taken as that shape whatever its keys look like. */
        public Builder usage(Map<String, ?> usage, UsageFormat format) {
            this.usage = Usage.from(usage, format);
            return this;
        }

        public Builder usage(Usage usage) {
            this.usage = usage;
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
            return new LlmCall(model, usage, provider, request, response, durationMs, costUsd);
        }
    }
}
