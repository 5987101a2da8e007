package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.db.DatabaseFailures;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Drains the queue in batches. A batch is one transaction: claim up to N jobs of any organization
 * ({@code FOR UPDATE SKIP LOCKED}), merge each organization's pieces under its own tenant scope, delete the claimed
 * rows, write the rows every worker shares (rollups, agents' last run) last, commit. A crash anywhere leaves every
 * job either done or still queued. When a batch fails, its jobs are retried one per transaction so that one bad job
 * cannot hold back the others; a failing job backs off exponentially and ends as {@code failed}, with its reason,
 * after the configured number of attempts.
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
    private final IngestMetrics metrics;

    IngestWorker(IngestQueue queue, RunMerger merger, LookupTransactions lookups, TenantTransactions tenants, JsonMapper json,
                 ApplicationEventPublisher<RunChanged> events, ApplicationEventPublisher<RunsCommitted> batches, IngestMetrics metrics,
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
        this.metrics = metrics;
    }

    /** Processes one batch; returns how many jobs it claimed (0 = the queue had nothing ready). */
    int processBatch(int max) {
        long started = System.nanoTime();
        List<IngestQueue.Job> claimed = new ArrayList<>();
        List<RunChanged> changes = new ArrayList<>();
        try {
            lookups.write(Door.INGEST, "on", () -> {
                queue.commitWithoutWaitingForDisk();
                claimed.addAll(queue.claim(max));
                changes.addAll(mergeAndComplete(claimed));
                return null;
            });
        } catch (RuntimeException batchFailure) {
            LOG.warn("Ingest batch of {} failed ({}: {}); retrying its jobs one by one", claimed.size(),
                batchFailure.getClass().getSimpleName(), batchFailure.getMessage());
            changes.clear();
            claimed.forEach(job -> processAlone(job).ifPresent(changes::add));
        }
        changes.forEach(events::publishEvent);
        if (!changes.isEmpty()) {
            batches.publishEvent(new RunsCommitted(changes.stream().map(RunChanged::organizationId)
                .collect(Collectors.toUnmodifiableSet())));
        }
        if (!claimed.isEmpty()) {
            metrics.batchProcessed(System.nanoTime() - started,
                claimed.stream().map(IngestQueue.Job::receivedAt).min(Comparator.naturalOrder()).orElse(null));
        }
        return claimed.size();
    }

    private Optional<RunChanged> processAlone(IngestQueue.Job job) {
        try {
            return lookups.write(Door.INGEST, "on", () -> {
                queue.commitWithoutWaitingForDisk();
                return queue.claimOne(job.id()).map(locked -> mergeAndComplete(List.of(locked)).get(0));
            });
        } catch (RuntimeException failure) {
            if (DatabaseFailures.unreachable(failure)) {
                // the database, not the job, failed: it stays queued as it was, and an outage uses up no attempt
                LOG.warn("Ingest job {} not processed: the database is unreachable ({}); it stays queued", job.id(),
                    failure.getClass().getSimpleName());
                return Optional.empty();
            }
            boolean permanent = failure instanceof RunMerger.PermanentFailure;
            String reason = permanent ? failure.getMessage()
                : "processing failed (" + failure.getClass().getSimpleName() + "); will retry";
            LOG.warn("Ingest job {} failed (attempt {}): {}", job.id(), job.attempts() + 1, reason);
            lookups.write(Door.INGEST, "on", () -> queue.fail(job.id(), reason, permanent, maxAttempts, retryDelay));
            return Optional.empty();
        }
    }

    /**
     * Merges the claimed jobs in the current transaction, organization by organization (in id order, so that two
     * workers take organizations' rows in the same order), deletes them from the queue, and writes the rows every
     * worker shares last. Returns the changes in the order of {@code jobs}' organizations.
     */
    private List<RunChanged> mergeAndComplete(List<IngestQueue.Job> jobs) {
        Map<UUID, List<QueuedRun>> byOrganization = jobs.stream().collect(Collectors.groupingBy(
            IngestQueue.Job::organizationId, TreeMap::new, Collectors.mapping(this::read, Collectors.toList())));
        Map<UUID, RunMerger.Merged> merged = new TreeMap<>();
        byOrganization.forEach((org, pieces) ->
            merged.put(org, tenants.inCurrentTransaction(org, () -> merger.merge(org, pieces))));
        complete(jobs, merged);
        List<RunChanged> changes = new ArrayList<>();
        merged.forEach((org, result) -> {
            tenants.inCurrentTransaction(org, () -> {
                merger.applyShared(org, result);
                return null;
            });
            changes.addAll(result.changes());
        });
        return changes;
    }

    /**
     * Deletes the merged jobs from the queue and records their runs. Each organization's changes are in the order of
     * its jobs in {@code claimed} (queue order, so that the pieces of a run merge in the order they arrived).
     */
    private void complete(List<IngestQueue.Job> claimed, Map<UUID, RunMerger.Merged> merged) {
        Map<UUID, Integer> next = new HashMap<>();
        List<UUID> runIds = new ArrayList<>();
        for (IngestQueue.Job job : claimed) {
            int index = next.merge(job.organizationId(), 1, Integer::sum) - 1;
            runIds.add(merged.get(job.organizationId()).changes().get(index).runId());
        }
        queue.complete(claimed, runIds);
    }

    private QueuedRun read(IngestQueue.Job job) {
        try {
            return json.readValue(job.payload(), QueuedRun.class);
        } catch (IOException | RuntimeException e) {
            throw new RunMerger.PermanentFailure("stored payload could not be read: " + e.getClass().getSimpleName());
        }
    }
}
