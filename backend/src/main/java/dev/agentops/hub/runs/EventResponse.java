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
public record EventResponse(UUID id, String eventId, @Schema(implementation = EventType.class) String eventType, Instant timestamp, @Nullable Long durationMs,
                            @Nullable @Schema(description = "Canonical shape of the event_type (docs/api.md, \"Event payloads\")") Object payload,
                            @Nullable String model, long inputTokens, long outputTokens,
                            long cacheReadTokens, long cacheWriteTokens, long reasoningTokens, @Nullable BigDecimal costUsd,
                            @Schema(implementation = CostSource.class) String costSource, @Nullable Map<String, Object> costBreakdown,
                            @Schema(description = "Keys of this event's token_usage that were not priced: all of them when cost_source is usage_unrecognized (docs/api.md, Token semantics)")
                            List<String> usageUnrecognizedKeys) {

    static EventResponse of(StoredEvent event) {
        return new EventResponse(event.id(), event.eventId(), event.eventType(), event.timestamp(), event.durationMs(),
            EventPayloads.canonical(event.eventType(), event.payload()), event.model(), event.inputTokens(), event.outputTokens(), event.cacheReadTokens(),
            event.cacheWriteTokens(), event.reasoningTokens(), event.costUsd(), event.costSource(), event.costBreakdown(),
            event.usageUnrecognizedKeys() == null ? List.of() : event.usageUnrecognizedKeys());
    }
}
