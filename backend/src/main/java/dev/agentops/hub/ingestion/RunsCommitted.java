package dev.agentops.hub.ingestion;

import java.util.Set;
import java.util.UUID;

/**
 * Published once per committed worker batch, after its {@link RunChanged} events: the organizations whose runs,
 * rollups and costs just changed. Caches of per-organization figures react to this instead of to every run.
 */
public record RunsCommitted(Set<UUID> organizationIds) {
}
