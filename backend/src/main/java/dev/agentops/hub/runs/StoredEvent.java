package dev.agentops.hub.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record StoredEvent(UUID id, String eventId, String eventType, Instant timestamp, Long durationMs, Object payload,
                          String model, long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                          long reasoningTokens, BigDecimal costUsd, String costSource, Map<String, Object> costBreakdown,
                          String pricingModel, List<String> usageUnrecognizedKeys) {
}
