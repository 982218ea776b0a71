package dev.ao4j.protocol;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A small LRU map whose entries also expire: for lookups keyed by what anonymous callers name (process ids,
 * scheduler addresses), which must neither grow without bound nor keep a stale answer forever.
 */
public final class BoundedCache<K, V> {
    private record Held<V>(V value, long expiresAtNanos) {}

    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<K, Held<V>> entries;

    public BoundedCache(int maxEntries, Duration ttl) {
        this(maxEntries, ttl, System::nanoTime);
    }

    public BoundedCache(int maxEntries, Duration ttl, LongSupplier nanoClock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Held<V>> eldest) {
                return size() > BoundedCache.this.maxEntries;
            }
        };
    }

    /** The live value, or null. */
    public synchronized V get(K key) {
        Held<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nanoClock.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(key);
            return null;
        }
        return entry.value();
    }

    public void put(K key, V value) {
        put(key, value, null);
    }

    /** Keeps the value for the cache's time to live, or for {@code ttl} when that is shorter. */
    public synchronized void put(K key, V value, Duration ttl) {
        long nanos = ttl == null ? ttlNanos : Math.min(ttlNanos, Math.max(0, ttl.toNanos()));
        entries.put(key, new Held<>(value, nanoClock.getAsLong() + nanos));
    }

    public synchronized int size() {
        return entries.size();
    }
}
