package dev.agentops.hub.shared.redis;

import com.google.common.base.Throwables;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.lettuce.core.RedisFuture;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a Redis user does after a failure: one failed call opens the breaker, and for {@code backoff} calls skip Redis
 * (the caller falls back to PostgreSQL or to this instance's state meanwhile), so that a hung Redis costs one timeout
 * per period and instance rather than one per request; then a single call tries Redis again. A closed breaker costs a
 * volatile read per call. Warnings name the failure's class, never its message (which may hold a URI with a password),
 * at most once a minute: "{user}: Redis failed (reason); {fallback}, retrying Redis every N ms".
 */
public final class RedisCircuitBreakers {

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private RedisCircuitBreakers() {
    }

    public static CircuitBreaker of(Logger log, String user, String fallback, Duration backoff) {
        Duration wait = backoff.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : backoff;
        CircuitBreaker breaker = CircuitBreaker.of(user, CircuitBreakerConfig.custom()
            .slidingWindow(1, 1, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100)
            .waitDurationInOpenState(wait)
            .permittedNumberOfCallsInHalfOpenState(1)
            .writableStackTraceEnabled(false)
            .build());
        AtomicLong nextWarningAt = new AtomicLong(System.nanoTime());
        breaker.getEventPublisher()
            .onError(event -> {
                long now = System.nanoTime();
                long next = nextWarningAt.get();
                if (now - next >= 0 && nextWarningAt.compareAndSet(next, now + WARNING_INTERVAL_NANOS)) {
                    log.warn("{}: Redis failed ({}); {}, retrying Redis every {} ms", user, describe(event.getThrowable()),
                        fallback, wait.toMillis());
                }
            })
            .onStateTransition(event -> {
                if (event.getStateTransition() == CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED) {
                    log.info("{}: Redis answers again", user);
                }
            });
        return breaker;
    }

    /**
     * Runs a Redis command through the breaker: its reply, or null when the breaker is open, Redis fails or does not
     * answer within {@code timeoutNanos} (never throws an exception). A command that did not answer is cancelled:
     * otherwise it would wait in Lettuce's queue for a reconnection and run late, after the caller's fallback.
     */
    public static <T> T call(CircuitBreaker breaker, Supplier<RedisFuture<T>> command, long timeoutNanos) {
        return attempt(breaker, () -> {
            RedisFuture<T> future = command.get();
            try {
                return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                future.cancel(true);
                throw e;
            }
        });
    }

    /** Runs a call through the breaker: its result, or null when the breaker is open or the call fails (errors propagate). */
    public static <T> T attempt(CircuitBreaker breaker, CheckedSupplier<T> call) {
        try {
            return breaker.executeCheckedSupplier(call);
        } catch (Throwable e) { // whatever Redis or the client does (or an open breaker), the caller falls back
            if (e instanceof Error error) {
                throw error;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = Throwables.getRootCause(e); // clients wrap; the root names the failure
        return cause instanceof TimeoutException || cause instanceof io.github.bucket4j.TimeoutException
            ? "no answer in time" : cause.getClass().getSimpleName();
    }
}
