package dev.agentops.hub.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.agentops.hub.pricing.CostSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Serdeable
public record RunResponse(UUID id, String externalReference, UUID agentId, @Schema(implementation = RunStatus.class) String status, @Nullable Object input,
                          @Nullable Object output, @Nullable String error, Instant startTime, @Nullable Instant endTime,
                          @Nullable Long durationMs, @Nullable String model, long inputTokens, long outputTokens,
                          long cacheReadTokens, long cacheWriteTokens, long reasoningTokens, @Nullable BigDecimal costUsd,
                          @Schema(implementation = CostSource.class) String costSource, @Nullable Map<String, Object> costBreakdown, @Nullable String pricingModel,
                          @Nullable String pricingVersion, List<String> tags, Map<String, Object> metadata,
                          Instant createdAt, Instant updatedAt,
                          @Schema(description = "Keys of the run's own token_usage that were not priced: all of them when cost_source is usage_unrecognized because of it (docs/api.md, Token semantics)")
                          List<String> usageUnrecognizedKeys) {

    static RunResponse of(Run run) {
        return new RunResponse(run.id(), run.externalReference(), run.agentId(), run.status(), run.input(), run.output(),
            run.error(), run.startTime(), run.endTime(), run.durationMs(), run.model(), run.inputTokens(), run.outputTokens(),
            run.cacheReadTokens(), run.cacheWriteTokens(), run.reasoningTokens(), run.costUsd(), run.costSource(),
            run.costBreakdown(), run.pricingModel(), run.pricingVersion(), run.tags(), run.metadata(), run.createdAt(),
            run.updatedAt(), unrecognizedKeys(run.reportedUsage()));
    }

    private static List<String> unrecognizedKeys(Map<String, Object> reportedUsage) {
        if (reportedUsage != null && reportedUsage.get(Run.UNRECOGNIZED_USAGE_KEYS) instanceof List<?> keys) {
            return keys.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
