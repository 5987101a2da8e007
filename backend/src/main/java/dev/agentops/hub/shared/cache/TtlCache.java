package dev.agentops.hub.shared.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small in-process cache: entries live for a fixed time, the least recently used go first beyond a maximum size.
 * For hot lookups on the request path whose source of truth stays in PostgreSQL; callers invalidate on change.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final LinkedHashMap<K, Entry<V>> entries;

    public TtlCache(Duration ttl, int maxSize) {
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxSize;
            }
        };
    }

    /** The cached value, or the loaded one (cached only when present). */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        Optional<V> cached = getIfPresent(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<V> loaded = loader.apply(key);
        loaded.ifPresent(value -> put(key, value));
        return loaded;
    }

    /** The cached value, if there is one that has not expired. */
    public Optional<V> getIfPresent(K key) {
        long now = System.nanoTime();
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            return entry != null && entry.expiresAtNanos() - now > 0 ? Optional.of(entry.value()) : Optional.empty();
        }
    }

    /** For callers that decide themselves whether a loaded value may be kept. */
    public void put(K key, V value) {
        long now = System.nanoTime();
        synchronized (entries) {
            entries.put(key, new Entry<>(value, now + ttlNanos));
        }
    }

    public void invalidate(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    public void invalidateIf(Predicate<V> condition) {
        synchronized (entries) {
            entries.values().removeIf(entry -> condition.test(entry.value()));
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
