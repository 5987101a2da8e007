/**
 * Usage: what each organization's agents did and spent recently, as figures read on many requests. Public face:
 * {@link dev.agentops.hub.usage.OrgStatsCache} ({@code costToday} for budget checks; the agents feature reads agent
 * figures through {@link dev.agentops.hub.agents.AgentStatsSource}, which it implements).
 *
 * <p>A feature of its own because it sits above both agents and ingestion: it listens to the workers'
 * {@link dev.agentops.hub.ingestion.RunsCommitted} and to {@link dev.agentops.hub.agents.AgentChanged}, and ingestion
 * already depends on agents, so putting the cache in agents would make the two depend on each other.
 *
 * <p>Figures come from the hourly rollups ({@code run_rollups_hourly}), never from runs, read inside a tenant
 * transaction of the organization; the last 24 hours are the current hour's bucket and the 23 before it, today is
 * the current UTC day.
 */
package dev.agentops.hub.usage;
