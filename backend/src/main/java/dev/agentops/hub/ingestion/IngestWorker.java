package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains the queue in batches. A batch is one transaction: claim up to N jobs of any organization
 * ({@code FOR UPDATE SKIP LOCKED}), merge each under its own organization's tenant scope, delete the claimed rows,
 * commit. A crash anywhere leaves every job either done or still queued. When a batch fails, its jobs are retried
 * one per transaction so that one bad job cannot hold back the others; a failing job backs off exponentially and
 * ends as {@code failed}, with its reason, after the configured number of attempts.
 */
@Singleton
class IngestWorker {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);

    private final IngestQueue queue;
    private final RunMerger merger;
    private final LookupTransactions lookups;
    private final TenantTransactions tenants;
    private final JsonMapper json;
    private final ApplicationEventPublisher<RunChanged> events;
    private final ApplicationEventPublisher<RunsCommitted> batches;
    private final int maxAttempts;
    private final Duration retryDelay;

    IngestWorker(IngestQueue queue, RunMerger merger, LookupTransactions lookups, TenantTransactions tenants, JsonMapper json,
                 ApplicationEventPublisher<RunChanged> events, ApplicationEventPublisher<RunsCommitted> batches,
                 @Value("${agentops.ingest.max-attempts:5}") int maxAttempts,
                 @Value("${agentops.ingest.retry-delay:1s}") Duration retryDelay) {
        this.queue = queue;
        this.merger = merger;
        this.lookups = lookups;
        this.tenants = tenants;
        this.json = json;
        this.events = events;
        this.batches = batches;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    /** Processes one batch; returns how many jobs it claimed (0 = the queue had nothing ready). */
    int processBatch(int max) {
        List<IngestQueue.Job> claimed = new ArrayList<>();
        List<RunChanged> changes = new ArrayList<>();
        try {
            lookups.write(Door.INGEST, "on", () -> {
                claimed.addAll(queue.claim(max));
                for (Parsed job : inLockOrder(claimed)) {
                    RunChanged change = tenants.inCurrentTransaction(job.job().organizationId(),
                        () -> merger.merge(job.job().organizationId(), job.run()));
                    queue.complete(job.job(), change.runId());
                    changes.add(change);
                }
                return null;
            });
        } catch (RuntimeException batchFailure) {
            LOG.warn("Ingest batch of {} failed ({}: {}); retrying its jobs one by one", claimed.size(),
                batchFailure.getClass().getSimpleName(), batchFailure.getMessage());
            changes.clear();
            for (IngestQueue.Job job : claimed) {
                processAlone(job).ifPresent(changes::add);
            }
        }
        changes.forEach(events::publishEvent);
        if (!changes.isEmpty()) {
            batches.publishEvent(new RunsCommitted(changes.stream().map(RunChanged::organizationId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet())));
        }
        return claimed.size();
    }

    private java.util.Optional<RunChanged> processAlone(IngestQueue.Job job) {
        try {
            return lookups.write(Door.INGEST, "on", () -> queue.claimOne(job.id()).map(locked -> {
                RunChanged change = tenants.inCurrentTransaction(locked.organizationId(), () -> merger.merge(locked.organizationId(), read(locked)));
                queue.complete(locked, change.runId());
                return change;
            }));
        } catch (RuntimeException failure) {
            boolean permanent = failure instanceof RunMerger.PermanentFailure || failure instanceof UnreadablePayload;
            String reason = failure instanceof RunMerger.PermanentFailure || failure instanceof UnreadablePayload
                ? failure.getMessage() : "processing failed (" + failure.getClass().getSimpleName() + "); will retry";
            LOG.warn("Ingest job {} failed (attempt {}): {}", job.id(), job.attempts() + 1, reason);
            lookups.write(Door.INGEST, "on", () -> {
                queue.fail(job.id(), reason, permanent, maxAttempts, retryDelay);
                return null;
            });
            return java.util.Optional.empty();
        }
    }

    private record Parsed(IngestQueue.Job job, QueuedRun run) {
    }

    /**
     * Jobs touch shared rows (the agent, its hourly rollup); taking them in one global order (organization, agent,
     * run) keeps two workers from locking them crosswise. Unreadable payloads go last and fail the batch alone.
     */
    private List<Parsed> inLockOrder(List<IngestQueue.Job> jobs) {
        List<Parsed> parsed = new ArrayList<>();
        for (IngestQueue.Job job : jobs) {
            parsed.add(new Parsed(job, read(job)));
        }
        parsed.sort(java.util.Comparator.comparing((Parsed p) -> p.job().organizationId())
            .thenComparing(p -> p.run().agentId())
            .thenComparing(p -> p.run().run().runId()));
        return parsed;
    }

    private QueuedRun read(IngestQueue.Job job) {
        try {
            return json.readValue(job.payload(), QueuedRun.class);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePayload("stored payload could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static final class UnreadablePayload extends RuntimeException {
        UnreadablePayload(String message) {
            super(message);
        }
    }
}
