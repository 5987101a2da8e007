package dev.agentops.hub.shared.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * In-process buckets: the limiter of a single instance without Redis, and the fallback while Redis fails.
 * The map is bounded (least recently used bucket out first), so a flood of distinct subjects costs a few
 * forgotten buckets, never the heap; a forgotten bucket comes back full, like one Redis expired.
 */
final class LocalBuckets {

    private final int maxBuckets;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets;

    LocalBuckets(int maxBuckets) {
        this(maxBuckets, System::nanoTime);
    }

    LocalBuckets(int maxBuckets, LongSupplier nanoClock) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("The in-process rate limiter needs room for at least one bucket");
        }
        this.maxBuckets = maxBuckets;
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > LocalBuckets.this.maxBuckets;
            }
        };
    }

    /** One lock for the map: each call is a few arithmetic operations, far below the cost of a request. */
    synchronized BucketOutcome take(String key, RateLimit limit, int tokens) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.get(key);
        double available = bucket == null ? limit.capacity() : bucket.tokensAt(now, limit);
        BucketOutcome outcome = BucketOutcome.take(available, tokens, limit);
        if (outcome.allowed()) {
            buckets.put(key, new Bucket(outcome.tokens(), now));
        }
        return outcome;
    }

    synchronized int size() {
        return buckets.size();
    }

    synchronized boolean contains(String key) {
        return buckets.containsKey(key);
    }

    private record Bucket(double tokens, long updatedNanos) {

        double tokensAt(long now, RateLimit limit) {
            double elapsedSeconds = Math.max(0, now - updatedNanos) / 1e9;
            return Math.min(limit.capacity(), tokens + elapsedSeconds * limit.refillPerSecond());
        }
    }
}
