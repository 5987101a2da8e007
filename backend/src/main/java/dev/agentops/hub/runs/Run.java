package dev.agentops.hub.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored run with its totals (own reported usage + its events) and the provenance of its cost. */
public record Run(UUID id, UUID organizationId, UUID agentId, String externalReference, String status, Object input,
                  Object output, String error, Instant startTime, Instant endTime, Long durationMs, String model,
                  long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens, long reasoningTokens,
                  BigDecimal costUsd, Map<String, Object> costBreakdown, String costSource, String pricingModel,
                  String pricingVersion, List<String> tags, Map<String, Object> metadata,
                  Map<String, Object> reportedUsage, BigDecimal reportedCostUsd, Instant createdAt, Instant updatedAt) {

    /** Key of {@code reportedUsage} under which a run keeps the keys of its own usage that were not priced. */
    public static final String UNRECOGNIZED_USAGE_KEYS = "unrecognized_keys";

    public boolean running() {
        return RunStatus.RUNNING.wireName().equals(status);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Names every field of a run, so that building one never depends on counting 28 positions. */
    public static final class Builder {
        private UUID id;
        private UUID organizationId;
        private UUID agentId;
        private String externalReference;
        private String status;
        private Object input;
        private Object output;
        private String error;
        private Instant startTime;
        private Instant endTime;
        private Long durationMs;
        private String model;
        private long inputTokens;
        private long outputTokens;
        private long cacheReadTokens;
        private long cacheWriteTokens;
        private long reasoningTokens;
        private BigDecimal costUsd;
        private Map<String, Object> costBreakdown;
        private String costSource;
        private String pricingModel;
        private String pricingVersion;
        private List<String> tags;
        private Map<String, Object> metadata;
        private Map<String, Object> reportedUsage;
        private BigDecimal reportedCostUsd;
        private Instant createdAt;
        private Instant updatedAt;

        public Builder id(UUID id) { this.id = id; return this; }
        public Builder organizationId(UUID organizationId) { this.organizationId = organizationId; return this; }
        public Builder agentId(UUID agentId) { this.agentId = agentId; return this; }
        public Builder externalReference(String externalReference) { this.externalReference = externalReference; return this; }
        public Builder status(String status) { this.status = status; return this; }
        public Builder input(Object input) { this.input = input; return this; }
        public Builder output(Object output) { this.output = output; return this; }
        public Builder error(String error) { this.error = error; return this; }
        public Builder startTime(Instant startTime) { this.startTime = startTime; return this; }
        public Builder endTime(Instant endTime) { this.endTime = endTime; return this; }
        public Builder durationMs(Long durationMs) { this.durationMs = durationMs; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder inputTokens(long inputTokens) { this.inputTokens = inputTokens; return this; }
        public Builder outputTokens(long outputTokens) { this.outputTokens = outputTokens; return this; }
        public Builder cacheReadTokens(long cacheReadTokens) { this.cacheReadTokens = cacheReadTokens; return this; }
        public Builder cacheWriteTokens(long cacheWriteTokens) { this.cacheWriteTokens = cacheWriteTokens; return this; }
        public Builder reasoningTokens(long reasoningTokens) { this.reasoningTokens = reasoningTokens; return this; }
        public Builder costUsd(BigDecimal costUsd) { this.costUsd = costUsd; return this; }
        public Builder costBreakdown(Map<String, Object> costBreakdown) { this.costBreakdown = costBreakdown; return this; }
        public Builder costSource(String costSource) { this.costSource = costSource; return this; }
        public Builder pricingModel(String pricingModel) { this.pricingModel = pricingModel; return this; }
        public Builder pricingVersion(String pricingVersion) { this.pricingVersion = pricingVersion; return this; }
        public Builder tags(List<String> tags) { this.tags = tags; return this; }
        public Builder metadata(Map<String, Object> metadata) { this.metadata = metadata; return this; }
        public Builder reportedUsage(Map<String, Object> reportedUsage) { this.reportedUsage = reportedUsage; return this; }
        public Builder reportedCostUsd(BigDecimal reportedCostUsd) { this.reportedCostUsd = reportedCostUsd; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }

        public Run build() {
            return new Run(id, organizationId, agentId, externalReference, status, input, output, error, startTime, endTime,
                durationMs, model, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, reasoningTokens, costUsd,
                costBreakdown, costSource, pricingModel, pricingVersion, tags, metadata, reportedUsage, reportedCostUsd,
                createdAt, updatedAt);
        }
    }
}
