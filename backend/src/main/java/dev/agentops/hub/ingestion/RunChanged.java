package dev.agentops.hub.ingestion;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Published after a worker batch commits: live views, budget checks and the policies' run facts react to it.
 * {@code totals}: the run as this change left it.
 */
public record RunChanged(UUID organizationId, UUID runId, UUID agentId, boolean created, String reference, Totals totals) {

    /** The run's totals after the change; {@code costUsd} is null while the run has no price. */
    public record Totals(BigDecimal costUsd, long inputTokens, long outputTokens, long events) {
    }
}
