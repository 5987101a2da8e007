package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.web.ApiException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: requests that arrive together are written to the queue table in one transaction, so a burst of
 * payloads costs a handful of commits instead of one each. Each request is answered 202 only after the commit of its
 * batch, so an acknowledged payload is on disk. A batch gathers for {@code agentops.ingest.commit-window} (2 ms)
 * after its first payload: at a thousand payloads a second that turns ~500 commits a second into ~200, for a
 * millisecond of latency on average. A request that someone waits for synchronously (a policy check's event, see
 * {@link RunEvents#recordNow}) is expedited: its batch is committed at once with whatever is already waiting, without
 * the window, so it costs one commit and under load still shares it with the others.
 */
@Singleton
class GroupCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private record Waiting(IngestQueue.Pending job, CompletableFuture<Void> committed, boolean expedited) {
    }

    private final BlockingQueue<Waiting> waiting;
    private final IngestQueue queue;
    private final LookupTransactions lookups;
    private final IngestSignal signal;
    private final int maxBatch;
    private final long windowNanos;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    GroupCommitter(IngestQueue queue, LookupTransactions lookups, IngestSignal signal,
                   @Value("${agentops.ingest.commit-threads:1}") int threadCount,
                   @Value("${agentops.ingest.max-commit-batch:500}") int maxBatch,
                   @Value("${agentops.ingest.max-waiting:20000}") int maxWaiting,
                   @Value("${agentops.ingest.commit-window:2ms}") Duration window) {
        this.queue = queue;
        this.lookups = lookups;
        this.signal = signal;
        this.maxBatch = maxBatch;
        this.windowNanos = window.toNanos();
        this.waiting = new ArrayBlockingQueue<>(maxWaiting);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::loop, "ingest-commit-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /**
     * Completes once the payload is committed; fails fast with 503 when the server is saturated. {@code expedited}:
     * commit its batch without waiting for the commit window (someone waits for it on a hot path).
     */
    CompletableFuture<Void> submit(IngestQueue.Pending job, boolean expedited) {
        var committed = new CompletableFuture<Void>();
        if (!running || !waiting.offer(new Waiting(job, committed, expedited))) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The server is saturated: retry after a short back-off.", Map.of());
        }
        return committed;
    }

    private void loop() {
        List<Waiting> batch = new ArrayList<>(maxBatch);
        while (running || !waiting.isEmpty()) {
            try {
                Waiting first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Takes what is waiting, and what arrives within the commit window, up to a full batch; stops gathering as soon as
     * the batch holds an expedited request.
     */
    private void gather(List<Waiting> batch) throws InterruptedException {
        long deadline = System.nanoTime() + windowNanos;
        waiting.drainTo(batch, maxBatch - batch.size());
        while (batch.size() < maxBatch && batch.stream().noneMatch(Waiting::expedited)) {
            long left = deadline - System.nanoTime();
            Waiting next = left > 0 ? waiting.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            waiting.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void commit(List<Waiting> batch) {
        try {
            List<IngestQueue.Pending> jobs = batch.stream().map(Waiting::job).toList();
            lookups.write(Door.INGEST, "on", () -> {
                queue.insert(jobs);
                return null;
            });
            batch.forEach(w -> w.committed().complete(null));
            signal.wake();
        } catch (RuntimeException e) {
            LOG.error("Could not commit {} ingest payloads: {}", batch.size(), e.getClass().getSimpleName(), e);
            batch.forEach(w -> w.committed().completeExceptionally(e));
        }
    }

    @PreDestroy
    void drain() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
