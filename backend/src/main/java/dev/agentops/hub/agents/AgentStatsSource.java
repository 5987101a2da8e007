package dev.agentops.hub.agents;

import java.util.Map;
import java.util.UUID;

/**
 * Where agent responses get their last-24-hours figures. The usage feature implements it with a cache that the
 * ingest workers' events keep fresh; agents only declares it, so it does not depend on ingestion, which depends on
 * agents.
 */
public interface AgentStatsSource {

    /** Figures of the organization's agents that ran in the last 24 hours; the others have {@link AgentStats#NONE}. */
    Map<UUID, AgentStats> agentStats(UUID organizationId);
}
