package dev.agentops.hub.ingestion;

import dev.agentops.hub.pricing.CostSource;
import dev.agentops.hub.runs.RunStatus;
import dev.agentops.hub.runs.Run;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.stats.LatencyHistogram;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the hourly rollups equal to what a scan of the runs would give: when a run changes, its old contribution
 * is taken out and its new one put in (a run can move hour, model, status or cost as its pieces arrive). A worker
 * sums the changes of a whole batch per rollup row first and then writes each row once, in key order.
 */
// Hand-written SQL on purpose (#17): batched rollup upserts in key order inside the worker transaction.
@Singleton
class RunRollups {

    private final Jdbc jdbc;

    RunRollups(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The summed changes of one organization's runs in a batch, per (agent, model, hour). */
    static final class Deltas {

        private record Key(UUID agentId, String model, Instant bucket) {
            static final Comparator<Key> ORDER = Comparator.comparing(Key::agentId).thenComparing(Key::model)
                .thenComparing(Key::bucket);
        }

        private static final class Delta {
            long runs, errors, unpriced, inputTokens, outputTokens, durationSum, durationCount, completed, cancelled;
            BigDecimal cost = BigDecimal.ZERO;
            final long[] latency = new long[LatencyHistogram.BUCKETS];

            /** The histogram without its trailing zero buckets ({@code add_counts} adds arrays of any length). */
            List<Long> latencyCounts() {
                int length = latency.length;
                while (length > 0 && latency[length - 1] == 0) {
                    length--;
                }
                return Arrays.stream(latency, 0, length).boxed().toList();
            }

            boolean isZero() {
                return runs == 0 && errors == 0 && unpriced == 0 && inputTokens == 0 && outputTokens == 0 && durationSum == 0
                    && durationCount == 0 && completed == 0 && cancelled == 0 && cost.signum() == 0
                    && Arrays.stream(latency).allMatch(c -> c == 0);
            }
        }

        private final Map<Key, Delta> byKey = new TreeMap<>(Key.ORDER);

        /** A run's contribution before a change is removed and its new one added; a new run only adds. */
        void replace(Run before, Run after) {
            if (before != null) {
                add(before, -1);
            }
            add(after, 1);
        }

        private void add(Run run, int sign) {
            Delta d = byKey.computeIfAbsent(new Key(run.agentId(), run.model() == null ? "" : run.model(),
                run.startTime().truncatedTo(ChronoUnit.HOURS)), key -> new Delta());
            d.runs += sign;
            d.errors += RunStatus.FAILED.wireName().equals(run.status()) ? sign : 0;
            d.unpriced += CostSource.withoutCost(run.costSource()) ? sign : 0;
            d.completed += RunStatus.COMPLETED.wireName().equals(run.status()) ? sign : 0;
            d.cancelled += RunStatus.CANCELLED.wireName().equals(run.status()) ? sign : 0;
            d.cost = d.cost.add(run.costUsd() == null ? BigDecimal.ZERO : run.costUsd().multiply(BigDecimal.valueOf(sign)));
            d.inputTokens += sign * run.inputTokens();
            d.outputTokens += sign * run.outputTokens();
            if (run.durationMs() != null) {
                d.durationSum += sign * run.durationMs();
                d.durationCount += sign;
                d.latency[LatencyHistogram.bucketOf(run.durationMs())] += sign;
            }
        }
    }

    /** Writes the organization's summed changes: one upsert row per rollup row that changed. */
    void apply(UUID organizationId, Deltas deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.byKey.forEach((key, d) -> {
            if (!d.isZero()) {
                rows.add(new Object[]{organizationId, key.agentId(), key.model(), key.bucket(), d.runs, d.errors, d.unpriced,
                    d.cost, d.inputTokens, d.outputTokens, d.durationSum, d.durationCount, d.completed, d.cancelled,
                    d.latencyCounts()});
            }
        });
        jdbc.rows("""
            insert into run_rollups_hourly (organization_id, agent_id, model, bucket, runs, errors, unpriced_runs, cost_usd,
                                            input_tokens, output_tokens, duration_ms_sum, duration_count, completed_runs,
                                            cancelled_runs, latency_buckets) values""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[])", rows, """
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
                latency_buckets = add_counts(run_rollups_hourly.latency_buckets, excluded.latency_buckets)""", null);
    }
}
