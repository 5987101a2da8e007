package dev.agentops.sdk;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One model call for {@link AgentOpsClient#recordLlmCall(String, LlmCall)}.
 *
 * @param model      the model name as the provider reports it ({@code gpt-4o}, {@code claude-sonnet-4-5})
 * @param usage      normalised usage (see {@link Usage}); null when unknown
 * @param input      the prompt or messages (optional)
 * @param output     the completion (optional)
 * @param durationMs how long the call took (optional)
 * @param costUsd    a cost you computed yourself, which wins over the server's price (optional)
 */
public record LlmCall(String model, Usage usage, Object input, Object output, Long durationMs, BigDecimal costUsd) {

    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** Fluent builder for {@link LlmCall}. */
    public static final class Builder {
        private final String model;
        private Usage usage;
        private Object input;
        private Object output;
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

        public Builder input(Object input) {
            this.input = input;
            return this;
        }

        public Builder output(Object output) {
            this.output = output;
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
            return new LlmCall(model, usage, input, output, durationMs, costUsd);
        }
    }
}
