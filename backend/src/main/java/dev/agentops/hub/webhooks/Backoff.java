package dev.agentops.hub.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after a failed attempt: 30 s doubling per attempt, capped at 1 h, each delay drawn from 80-120 %
 * (jitter, so endpoints that failed together do not all come back in the same second), until 24 h after the event;
 * then the delivery has failed for good.
 */
public final class Backoff {

    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final long BASE_SECONDS = 30;
    private static final long CAP_SECONDS = 3600;

    private Backoff() {
    }

    /** The next attempt after {@code attempts} failed ones, or null when the retry window is over. */
    public static Instant next(Instant createdAt, int attempts, Instant now) {
        Instant deadline = createdAt.plus(GIVE_UP_AFTER);
        if (!now.isBefore(deadline)) {
            return null;
        }
        long delay = Math.min(CAP_SECONDS, BASE_SECONDS << Math.min(20, Math.max(0, attempts - 1)));
        long jittered = Math.round(delay * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Instant next = now.plusSeconds(Math.max(1, jittered));
        // one last attempt at the deadline rather than none after it
        return next.isAfter(deadline) ? deadline : next;
    }
}
