package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.redis.RedisChannels;
import dev.agentops.hub.shared.web.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long-polls without a parked thread: a waiter is a future, completed when its request is decided or expires (here,
 * or on another instance through the Redis channel {@value #CHANNEL}), or by a timer when its time is up. The waiter
 * then reads the request again; the signal only says "look now", so a lost or doubled message costs nothing but a read.
 */
@Singleton
class ApprovalWaiters {

    static final String CHANNEL = "agentops:approvals";
    static final int MAX_WAITERS = 10_000;

    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Optional<RedisChannels> channels;

    ApprovalWaiters(Optional<RedisChannels> channels) {
        this.channels = channels;
    }

    @PostConstruct
    void subscribe() {
        channels.ifPresent(redis -> redis.subscribeIds(CHANNEL, this::wake));
    }

    /** A signal for the request, registered before the caller reads it (so no decision slips between). */
    CompletableFuture<Void> register(UUID approvalId) {
        if (count.incrementAndGet() > MAX_WAITERS) {
            count.decrementAndGet();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "Too many clients are waiting for approvals on this instance; retry in a few seconds.", Map.of());
        }
        CompletableFuture<Void> signal = new CompletableFuture<>();
        waiting.computeIfAbsent(approvalId, key -> ConcurrentHashMap.newKeySet()).add(signal);
        signal.whenComplete((done, failure) -> {
            count.decrementAndGet();
            waiting.computeIfPresent(approvalId, (key, set) -> {
                set.remove(signal);
                return set.isEmpty() ? null : set;
            });
        });
        return signal;
    }

    /** Completes the signal after {@code max} at the latest (a timer, not a thread). */
    static CompletableFuture<Void> atMost(CompletableFuture<Void> signal, Duration max) {
        return signal.completeOnTimeout(null, Math.max(0, max.toMillis()), TimeUnit.MILLISECONDS);
    }

    @EventListener
    void onDecided(ApprovalDecided decided) {
        wake(decided.approvalId());
        channels.ifPresent(redis -> redis.publish(CHANNEL, decided.approvalId().toString()));
    }

    private void wake(UUID approvalId) {
        waiting.getOrDefault(approvalId, Set.of()).forEach(signal -> signal.complete(null));
    }
}
