package dev.ao4j.protocol;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.StoredItem;
import java.time.Duration;
import java.util.Optional;

/**
 * Where each scheduler wallet answers, as its newest {@link SchedulerLocation} record names it. A found URL is kept
 * for the record's {@code Time-To-Live} or the cache's, whichever is shorter, in a cache of bounded size (anyone can
 * publish locations, so the set of addresses is not ours to bound). A scheduler without a record is asked again
 * next time.
 */
public final class SchedulerUrls {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    private final Permastore permastore;
    private final BoundedCache<String, String> urls;

    public SchedulerUrls(Permastore permastore) {
        this(permastore, DEFAULT_MAX_ENTRIES, DEFAULT_TTL);
    }

    public SchedulerUrls(Permastore permastore, int maxEntries, Duration ttl) {
        this.permastore = permastore;
        this.urls = new BoundedCache<>(maxEntries, ttl);
    }

    /** The {@code Url} of the scheduler's newest Scheduler-Location record, if it has one. */
    public Optional<String> url(String schedulerAddress) throws PermastoreException {
        String known = urls.get(schedulerAddress);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StoredItem> record = SchedulerLocation.newest(permastore, schedulerAddress);
        Optional<String> found = record.flatMap(item -> item.tag("Url"));
        found.ifPresent(url -> urls.put(schedulerAddress, url, timeToLive(record.get())));
        return found;
    }

    private static Duration timeToLive(StoredItem record) {
        try {
            return record.tag("Time-To-Live").map(Long::parseLong).map(Duration::ofMillis).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
