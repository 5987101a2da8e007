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
}
