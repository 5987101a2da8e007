package dev.agentops.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of {@link AgentOpsClient#startRun(StartRun)}; every field is optional.
 *
 * @param runId    your id for the run (stored as {@code external_reference}); a random UUID when null
 * @param agentId  the agent's id or slug; the client's {@code agentId} when null
 * @param input    what the run was asked to do (any JSON-serialisable object)
 * @param tags     tags such as {@code prod}
 * @param metadata free-form metadata
 */
public record StartRun(String runId, String agentId, Object input, List<String> tags, Map<String, Object> metadata) {

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder for {@link StartRun}. */
    public static final class Builder {
        private String runId;
        private String agentId;
        private Object input;
        private List<String> tags;
        private Map<String, Object> metadata;

        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        public Builder input(Object input) {
            this.input = input;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = List.copyOf(tags);
            return this;
        }

        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = new LinkedHashMap<>(metadata);
            return this;
        }

        public Builder metadata(String key, Object value) {
            if (metadata == null) {
                metadata = new LinkedHashMap<>();
            }
            metadata.put(key, value);
            return this;
        }

        public StartRun build() {
            return new StartRun(runId, agentId, input, tags, metadata);
        }
    }
}
