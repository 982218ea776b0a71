package dev.ao4j.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final BoundedCache<String, String> cache = new BoundedCache<>(2, Duration.ofSeconds(10), now::get);

    @Test
    void theLeastRecentlyUsedEntryLeavesWhenFull() {
        cache.put("a", "1");
        cache.put("b", "2");
        assertEquals("1", cache.get("a"));
        cache.put("c", "3");
        assertNull(cache.get("b"), "b was used least recently");
        assertEquals("1", cache.get("a"));
        assertEquals("3", cache.get("c"));
        assertEquals(2, cache.size());
    }

    @Test
    void entriesExpireAfterTheTtlOrTheirOwnShorterOne() {
        BoundedCache<String, String> cache = new BoundedCache<>(10, Duration.ofSeconds(10), now::get);
        cache.put("a", "1");
        cache.put("b", "2", Duration.ofSeconds(2));
        cache.put("c", "3", Duration.ofDays(1));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertNull(cache.get("b"));
        assertEquals("1", cache.get("a"));
        now.addAndGet(Duration.ofSeconds(8).toNanos());
        assertNull(cache.get("a"));
        assertNull(cache.get("c"), "a longer time to live than the cache's is cut to the cache's");
    }
}
