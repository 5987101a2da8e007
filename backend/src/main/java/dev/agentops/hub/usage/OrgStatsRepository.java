package dev.agentops.hub.usage;

import dev.agentops.hub.agents.AgentStats;
import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Runs inside a tenant scope of the organization. */
// Hand-written SQL on purpose (#17): grouped aggregate reads of the rollups behind every agent list and stats card.
@Singleton
class OrgStatsRepository {

    private record AgentRow(UUID agentId, AgentStats stats, BigDecimal costToday) {
    }

    private final Jdbc jdbc;

    OrgStatsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One pass over the organization's hourly rollups of the last 24 hours (index
     * {@code run_rollups_hourly_org_bucket_idx}), never over runs. Today's buckets all lie inside that window:
     * midnight UTC is never more than 23 hours before the current hour.
     */
    OrgStats compute(UUID organizationId, Instant now) {
        Instant since = now.truncatedTo(ChronoUnit.HOURS).minus(23, ChronoUnit.HOURS);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        List<AgentRow> rows = jdbc.query("""
            select agent_id, sum(runs) as runs, sum(errors) as errors, sum(cost_usd) as cost,
                   coalesce(sum(cost_usd) filter (where bucket >= ? and bucket < ?), 0) as cost_today
              from run_rollups_hourly
             where organization_id = ? and bucket >= ?
             group by agent_id""",
            row -> new AgentRow(row.uuid("agent_id"),
                AgentStats.of(row.longValue("runs"), row.longValue("errors"), row.decimal("cost")), row.decimal("cost_today")),
            today, today.plus(1, ChronoUnit.DAYS), organizationId, since);
        Map<UUID, AgentStats> agents = rows.stream().collect(Collectors.toUnmodifiableMap(AgentRow::agentId, AgentRow::stats));
        BigDecimal costToday = rows.stream().map(AgentRow::costToday).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrgStats(LocalDate.ofInstant(now, ZoneOffset.UTC), costToday, agents);
    }
}
