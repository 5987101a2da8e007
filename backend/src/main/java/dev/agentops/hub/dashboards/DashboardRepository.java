package dev.agentops.hub.dashboards;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads run_rollups_hourly only (never runs): one grouped query per range. */
// Hand-written SQL on purpose (#17): grouped aggregate reads of the rollups, shaped per chart.
@Singleton
class DashboardRepository {

    private final Jdbc jdbc;

    DashboardRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Summing latency histograms costs more than everything else here, so it is done only when asked for. */
    List<RollupRow> rollups(UUID organizationId, Instant from, Instant to, String bucket, UUID agentId, boolean withLatency) {
        String unit = "day".equals(bucket) ? "day" : "hour";
        return jdbc.query("""
            select date_trunc('%s', bucket, 'UTC') as b, agent_id, model, sum(runs) as runs, sum(errors) as errors,
                   sum(completed_runs) as completed, sum(cancelled_runs) as cancelled, sum(cost_usd) as cost,
                   %s as latency
              from run_rollups_hourly
             where organization_id = ? and bucket >= ? and bucket < ? and (?::uuid is null or agent_id = ?::uuid)
             group by 1, agent_id, model""".formatted(unit, withLatency ? "sum_counts(latency_buckets)" : "'{}'::bigint[]"),
            row -> new RollupRow(row.instant("b"), row.uuid("agent_id"), row.string("model"), row.longValue("runs"),
                row.longValue("errors"), row.longValue("completed"), row.longValue("cancelled"), row.decimal("cost"),
                longs(row)),
            organizationId, from, to, agentId, agentId);
    }

    private static long[] longs(Jdbc.Row row) throws SQLException {
        List<String> values = row.strings("latency");
        long[] counts = new long[values.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = "null".equals(values.get(i)) ? 0 : Long.parseLong(values.get(i));
        }
        return counts;
    }

}
