package dev.agentops.hub.ingestion;

import java.util.UUID;

/** Published after a worker batch commits: live views and budget checks react to it. */
public record RunChanged(UUID organizationId, UUID runId, UUID agentId, boolean created) {
}
