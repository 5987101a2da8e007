package dev.agentops.hub.shared.db;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows written at high rates (jobs,
 * runs, events) get ids that grow with time, so their primary-key index takes new keys at its right edge instead
 * of on random pages: fewer pages touched, and far fewer full-page images in the write-ahead log. They are not
 * secrets (row-level security guards every read), so a fast random source is enough.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
