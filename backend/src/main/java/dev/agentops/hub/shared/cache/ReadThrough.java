package dev.agentops.hub.shared.cache;

import com.github.benmanes.caffeine.cache.Cache;

import java.util.function.Function;

/**
 * A cached value, or one loaded now and kept (a null load is not kept). Not Caffeine's {@code get(key, loader)}: that
 * runs one load per key at a time, and while the database is unreachable every caller of a hot key (an API key, an
 * agent) would wait for each earlier caller's connection timeout in turn, far past any request timeout. Concurrent
 * callers of a missing key each load it; the reads are cheap and the values equal.
 */
public final class ReadThrough {

    private ReadThrough() {
    }

    public static <K, V> V get(Cache<K, V> cache, K key, Function<K, V> load) {
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        V loaded = load.apply(key);
        if (loaded != null) {
            cache.put(key, loaded);
        }
        return loaded;
    }
}
