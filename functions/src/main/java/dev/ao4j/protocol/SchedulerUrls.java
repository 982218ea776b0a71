package dev.ao4j.protocol;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each scheduler wallet answers, as its newest {@link SchedulerLocation} record names it, cached once found
 * (a location does not change within its time to live). A scheduler without a record is asked again next time.
 */
public final class SchedulerUrls {
    private final Permastore permastore;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public SchedulerUrls(Permastore permastore) {
        this.permastore = permastore;
    }

    /** The {@code Url} of the scheduler's newest Scheduler-Location record, if it has one. */
    public Optional<String> url(String schedulerAddress) throws PermastoreException {
        String known = urls.get(schedulerAddress);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = SchedulerLocation.newest(permastore, schedulerAddress).flatMap(item -> item.tag("Url"));
        found.ifPresent(url -> urls.put(schedulerAddress, url));
        return found;
    }
}
