package dev.agentops.hub.ingestion;

import dev.agentops.hub.runs.Run;
import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the hourly rollups equal to what a scan of the runs would give: when a run changes, its old contribution
 * is taken out and its new one put in (a run can move hour, model, status or cost as its pieces arrive).
 */
@Singleton
class RunRollups {

    private final Jdbc jdbc;

    RunRollups(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void replace(Run before, Run after) {
        if (before != null) {
            apply(before, -1);
        }
        apply(after, 1);
    }

    private void apply(Run run, int sign) {
        boolean measured = run.durationMs() != null;
        jdbc.update("""
            insert into run_rollups_hourly (organization_id, agent_id, model, bucket, runs, errors, unpriced_runs, cost_usd,
                                            input_tokens, output_tokens, duration_ms_sum, duration_count, completed_runs,
                                            cancelled_runs, latency_buckets)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[])
            on conflict (organization_id, agent_id, model, bucket) do update set
                runs = run_rollups_hourly.runs + excluded.runs,
                errors = run_rollups_hourly.errors + excluded.errors,
                unpriced_runs = run_rollups_hourly.unpriced_runs + excluded.unpriced_runs,
                cost_usd = run_rollups_hourly.cost_usd + excluded.cost_usd,
                input_tokens = run_rollups_hourly.input_tokens + excluded.input_tokens,
                output_tokens = run_rollups_hourly.output_tokens + excluded.output_tokens,
                duration_ms_sum = run_rollups_hourly.duration_ms_sum + excluded.duration_ms_sum,
                duration_count = run_rollups_hourly.duration_count + excluded.duration_count,
                completed_runs = run_rollups_hourly.completed_runs + excluded.completed_runs,
                cancelled_runs = run_rollups_hourly.cancelled_runs + excluded.cancelled_runs,
                latency_buckets = add_counts(run_rollups_hourly.latency_buckets, excluded.latency_buckets)""",
            run.organizationId(), run.agentId(), run.model() == null ? "" : run.model(),
            run.startTime().truncatedTo(ChronoUnit.HOURS), sign, "failed".equals(run.status()) ? sign : 0,
            "unpriced".equals(run.costSource()) ? sign : 0,
            (run.costUsd() == null ? BigDecimal.ZERO : run.costUsd()).multiply(BigDecimal.valueOf(sign)),
            sign * run.inputTokens(), sign * run.outputTokens(),
            measured ? sign * run.durationMs() : 0L, measured ? sign : 0,
            "completed".equals(run.status()) ? sign : 0, "cancelled".equals(run.status()) ? sign : 0,
            measured ? dev.agentops.hub.shared.stats.LatencyHistogram.oneHot(run.durationMs(), sign) : java.util.List.of());
    }
}
