package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.metrics.QueryGauges;
import dev.agentops.hub.shared.metrics.QueryGauges.Column;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ingestion meters (README "Metrics"): payloads acknowledged and refused, how long the 202 took, the queue's
 * depth and oldest job, and the workers' batches. Per request it costs a counter increment and one timer sample.
 * Created at startup so that the queue gauges exist before the first payload.
 */
@Context
class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Map<Integer, Counter> refused = new ConcurrentHashMap<>();
    private final Timer ack;
    private final Timer batch;
    private final Timer lag;

    IngestMetrics(MeterRegistry registry, QueryGauges gauges) {
        this.registry = registry;
        accepted = Counter.builder("agentops.ingest.accepted")
            .description("Ingest payloads acknowledged with 202 (committed to the queue)").register(registry);
        ack = Timer.builder("agentops.ingest.ack")
            .description("Time from receiving an ingest request to its answer (202 once committed, or the refusal)")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
        batch = Timer.builder("agentops.ingest.worker.batch")
            .description("Duration of a worker batch (claim, merge, commit) that claimed at least one job")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
        lag = Timer.builder("agentops.ingest.worker.lag")
            .description("Receipt-to-commit time of the oldest job of each worker batch (how far the workers are behind)")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
        gauges.register(Door.INGEST, """
            select (select count(*) from ingest_queue where status = 'queued') as depth,
                   (select count(*) from ingest_queue where status = 'failed') as failed,
                   coalesce(extract(epoch from now() - (select received_at from ingest_queue where status = 'queued'
                                                         order by seq limit 1)), 0) as oldest""",
            List.of(new Column("depth", "agentops.ingest.queue.depth", "Ingest jobs waiting for a worker", null),
                new Column("failed", "agentops.ingest.queue.failed", "Ingest jobs that failed for good (see the runbook)", null),
                new Column("oldest", "agentops.ingest.queue.oldest.age", "Age of the oldest waiting ingest job", "seconds")));
    }

    /** One answered {@code POST /api/v1/ingest/run}. */
    void answered(int status, long nanos) {
        ack.record(nanos, TimeUnit.NANOSECONDS);
        if (status == 202) {
            accepted.increment();
        } else {
            refused.computeIfAbsent(status, s -> Counter.builder("agentops.ingest.refused")
                .description("Ingest requests answered with an error, by HTTP status").tag("status", String.valueOf(s))
                .register(registry)).increment();
        }
    }

    /** A worker batch that claimed jobs; {@code oldest} is the earliest receipt among them. */
    void batchProcessed(long nanos, Instant oldest) {
        batch.record(nanos, TimeUnit.NANOSECONDS);
        if (oldest != null) {
            lag.record(Duration.between(oldest, Instant.now()));
        }
    }
}
