package dev.agentops.hub.usage;

import dev.agentops.hub.agents.AgentStats;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One organization's usage as the hourly rollups showed it at one moment: each agent's last-24-hours figures (agents
 * without runs in that window are absent) and the organization's cost so far on the UTC day {@code day}.
 */
@Serdeable
record OrgStats(LocalDate day, BigDecimal costToday, Map<UUID, AgentStats> agents) {
}
