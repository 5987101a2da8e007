package dev.agentops.hub.ingestion;

import com.google.common.util.concurrent.Uninterruptibles;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.annotation.Requires;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The worker threads ({@code agentops.ingest.workers}, default 1: with batched merges one worker keeps up with
 * 1,000 runs/s on two cores, and a second one mostly adds waits on the same rollup rows). Each loops: process a batch; when the queue had
 * nothing ready, sleep until this instance commits new payloads or the poll interval passes (payloads accepted by
 * other instances are found by polling); after a batch that was not full, wait {@code agentops.ingest.batch-linger}
 * (25 ms) so that the next one gathers more runs. Shutdown lets the running batches finish; queued rows wait for the next
 * start.
 */
@Singleton
@Requires(property = "agentops.ingest.workers-enabled", notEquals = "false")
class IngestWorkers implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorkers.class);

    private final IngestWorker worker;
    private final IngestSignal signal;
    private final IngestQueue queue;
    private final LookupTransactions lookups;
    private final int threadCount;
    private final int batchSize;
    private final long pollMillis;
    private final long lingerMillis;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    IngestWorkers(IngestWorker worker, IngestSignal signal, IngestQueue queue, LookupTransactions lookups,
                  @Value("${agentops.ingest.workers:1}") int threadCount,
                  @Value("${agentops.ingest.batch-size:100}") int batchSize,
                  @Value("${agentops.ingest.poll-interval:250ms}") Duration poll,
                  @Value("${agentops.ingest.batch-linger:25ms}") Duration linger) {
        this.worker = worker;
        this.signal = signal;
        this.queue = queue;
        this.lookups = lookups;
        this.threadCount = threadCount;
        this.batchSize = batchSize;
        this.pollMillis = poll.toMillis();
        this.lingerMillis = linger.toMillis();
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::loop, "ingest-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        LOG.info("Ingestion: {} worker(s), batches of {}", threadCount, batchSize);
    }

    private void loop() {
        while (running) {
            try {
                int claimed = worker.processBatch(batchSize);
                if (claimed == 0) {
                    signal.await(pollMillis);
                } else if (claimed < batchSize) {
                    // let the next batch gather: a batch costs a few statements whether it holds one run or a hundred
                    Thread.sleep(lingerMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Ingest worker loop error: {}", e.getClass().getSimpleName());
                Uninterruptibles.sleepUninterruptibly(pollMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void pruneFinishedJobs() {
        lookups.write(Door.INGEST, "on", () -> queue.pruneDone(Duration.ofDays(7)));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        signal.wake();
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
