package dev.agentops.hub.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * In-process Bucket4j buckets: the limiter of a single instance without Redis, and the fallback while Redis fails.
 * The map is bounded (least recently used bucket out first), so a flood of distinct subjects costs a few forgotten
 * buckets, never the heap; a forgotten bucket comes back full, like one Redis expired.
 */
final class LocalBuckets {

    private final TimeMeter clock;
    private final Map<String, Bucket> buckets;

    LocalBuckets(int maxBuckets) {
        this(maxBuckets, System::nanoTime);
    }

    LocalBuckets(int maxBuckets, LongSupplier nanoClock) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("The in-process rate limiter needs room for at least one bucket");
        }
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxBuckets;
            }
        };
    }

    /** One lock for the map and its buckets: each call is a few arithmetic operations, far below a request's cost. */
    synchronized BucketOutcome take(String key, RateLimit limit, int tokens) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (tokens > limit.capacity()) { // refused whatever the bucket holds: a full one is not worth keeping
                return new BucketOutcome(false, limit.capacity());
            }
            bucket = Bucket.builder().addLimit(limit.bandwidth()).withCustomTimePrecision(clock)
                .withSynchronizationStrategy(SynchronizationStrategy.NONE) // the map's lock covers it
                .build();
            buckets.put(key, bucket);
        }
        return BucketOutcome.take(bucket, limit, tokens);
    }

    synchronized int size() {
        return buckets.size();
    }

    synchronized boolean contains(String key) {
        return buckets.containsKey(key);
    }
}
