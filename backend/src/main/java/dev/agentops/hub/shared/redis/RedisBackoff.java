package dev.agentops.hub.shared.redis;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Redis user does after a failure: leave Redis alone for the backoff period (the caller falls back to
 * PostgreSQL or to this instance's state meanwhile), so that a hung Redis costs one timeout per period and instance
 * rather than one per request, and warn at most once a minute. {@code reason} must name the failure, never a secret.
 */
public final class RedisBackoff {

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final String user;
    private final String fallback;
    private final long backoffNanos;
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final AtomicLong nextWarningAt = new AtomicLong(System.nanoTime());

    /** Warnings read "{user}: Redis failed (reason); {fallback}, retrying Redis every N ms", logged on {@code log}. */
    public RedisBackoff(Logger log, String user, String fallback, Duration backoff) {
        this.log = log;
        this.user = user;
        this.fallback = fallback;
        this.backoffNanos = backoff.toNanos();
    }

    /** False while the backoff after the last failure lasts. */
    public boolean allowsRedis() {
        return System.nanoTime() - pausedUntil.get() >= 0;
    }

    public void failed(String reason) {
        long now = System.nanoTime();
        pausedUntil.set(now + backoffNanos);
        long next = nextWarningAt.get();
        if (now - next >= 0 && nextWarningAt.compareAndSet(next, now + WARNING_INTERVAL_NANOS)) {
            log.warn("{}: Redis failed ({}); {}, retrying Redis every {} ms", user, reason, fallback,
                TimeUnit.NANOSECONDS.toMillis(backoffNanos));
        }
    }
}
