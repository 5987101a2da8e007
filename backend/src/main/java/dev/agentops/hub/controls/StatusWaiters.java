package dev.agentops.hub.controls;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import dev.agentops.hub.shared.ratelimit.RateLimitDecision;
import dev.agentops.hub.shared.ratelimit.RateLimitedException;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The long-poll of the SDK's status read: a request that already knows the agent's state is held, without a thread,
 * until that state changes or its wait ends. A waiter is a future; {@link ControlStates} calls {@link #wake} whenever
 * an organization's controls change here or on another instance (Redis channel {@code agentops:controls}), and each
 * waiter of that organization re-reads its agent on the blocking pool and answers if the state now differs.
 *
 * <p>Waiters are bounded per organization and per instance ({@code agentops.controls.max-waiters-per-org},
 * {@code max-waiters}); beyond that the read is refused with {@code 429 rate_limited} and {@code Retry-After: 1}, so
 * that an SDK falls back to reading once a second.
 */
@Singleton
class StatusWaiters {

    private final class Waiter {
        final String known;
        final Supplier<AgentRuntimeStatus> read;
        final CompletableFuture<AgentRuntimeStatus> answer = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeout;

        Waiter(String known, Supplier<AgentRuntimeStatus> read) {
            this.known = known;
            this.read = read;
        }

        /** Reads the agent now; answers when its state differs from what the caller knows, or always when {@code last}. */
        void check(boolean last) {
            if (answer.isDone()) {
                return;
            }
            try {
                AgentRuntimeStatus now = read.get();
                if (last || !known.equals(now.agentStatus())) {
                    answer.complete(now);
                }
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
    }

    private final ConcurrentHashMap<UUID, Set<Waiter>> byOrg = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final ExecutorService blocking;
    private final ScheduledExecutorService timer;
    private final int maxPerOrg;
    private final int maxTotal;

    StatusWaiters(@Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                  @Value("${agentops.controls.max-waiters-per-org:1000}") int maxPerOrg,
                  @Value("${agentops.controls.max-waiters:10000}") int maxTotal) {
        this.blocking = blocking;
        this.maxPerOrg = maxPerOrg;
        this.maxTotal = maxTotal;
        // one timer thread for every waiter's end: it only hands the last read to the blocking pool
        this.timer = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("agent-status-long-poll").setDaemon(true).build());
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }

    /**
     * Answers at once when the agent's state differs from {@code known}; otherwise when it changes, or with the state
     * then after {@code wait}. Call on a blocking thread (the first read may go to PostgreSQL).
     */
    CompletableFuture<AgentRuntimeStatus> await(UUID org, String known, Duration wait, Supplier<AgentRuntimeStatus> read) {
        AgentRuntimeStatus current = read.get();
        if (!known.equals(current.agentStatus())) {
            return CompletableFuture.completedFuture(current);
        }
        Waiter waiter = new Waiter(known, read);
        register(org, waiter);
        // the caller's answer depends on this stage: the waiter is gone before the response is written
        CompletableFuture<AgentRuntimeStatus> answered =
            waiter.answer.whenComplete((status, failure) -> unregister(org, waiter));
        // registered before this second read: a change between the first read and the registration is not missed
        waiter.check(false);
        if (!waiter.answer.isDone()) {
            waiter.timeout = timer.schedule(() -> submit(waiter, true), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        return answered;
    }

    /** The organization's controls changed (here or on another instance): every waiter of it looks again. */
    void wake(UUID org) {
        byOrg.getOrDefault(org, Set.of()).forEach(waiter -> submit(waiter, false));
    }

    int waiting() {
        return total.get();
    }

    private void submit(Waiter waiter, boolean last) {
        try {
            blocking.execute(() -> waiter.check(last));
        } catch (RejectedExecutionException e) {
            waiter.answer.completeExceptionally(e);
        }
    }

    private void register(UUID org, Waiter waiter) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw tooMany(maxTotal);
        }
        boolean[] added = {false};
        byOrg.compute(org, (key, set) -> {
            Set<Waiter> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
            added[0] = waiters.size() < maxPerOrg && waiters.add(waiter);
            return waiters;
        });
        if (!added[0]) {
            total.decrementAndGet();
            throw tooMany(maxPerOrg);
        }
    }

    private void unregister(UUID org, Waiter waiter) {
        ScheduledFuture<?> timeout = waiter.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        byOrg.computeIfPresent(org, (key, set) -> {
            if (set.remove(waiter)) {
                total.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    /** The usual 429 (with Retry-After: 1 and the RateLimit headers): the SDK backs off and reads again. */
    private static RateLimitedException tooMany(int limit) {
        return new RateLimitedException(new RateLimitDecision(false, limit, 0, 1, 1));
    }
}
