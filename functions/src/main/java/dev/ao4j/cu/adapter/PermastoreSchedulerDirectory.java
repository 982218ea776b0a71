package dev.ao4j.cu.adapter;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.port.LocalSu;
import dev.ao4j.cu.port.SchedulerDirectory;
import dev.ao4j.cu.port.SuClient;
import dev.ao4j.protocol.BoundedCache;
import dev.ao4j.protocol.SchedulerUrls;
import dev.ao4j.protocol.outbound.OutboundHttp;
import java.time.Duration;
import java.util.Optional;

/**
 * Locates a process's SU as AO does: the process's {@code Scheduler} tag, then that wallet's newest
 * {@code Scheduler-Location} record and its {@code Url}. An SU running in this JVM is called directly; it is
 * also asked first about processes the permanent store does not have yet (the SU uploads in the background).
 * Other SUs are called through the node's outbound policy; what was located is kept in bounded caches for a while.
 */
public final class PermastoreSchedulerDirectory implements SchedulerDirectory {
    private final Permastore permastore;
    private final OutboundHttp http;
    private final Duration timeout;
    private final LocalSu local;
    private final BoundedCache<String, SuClient> byProcess;
    private final BoundedCache<String, SuClient> byScheduler;
    private final SchedulerUrls locations;

    /**
     * @param local   the SU of this node, or null
     * @param timeout longest call to another SU
     */
    public PermastoreSchedulerDirectory(Permastore permastore, OutboundHttp http, Duration timeout, LocalSu local,
                                        int cacheSize, Duration cacheTtl) {
        this.permastore = permastore;
        this.http = http;
        this.timeout = timeout;
        this.local = local;
        this.byProcess = new BoundedCache<>(cacheSize, cacheTtl);
        this.byScheduler = new BoundedCache<>(cacheSize, cacheTtl);
        this.locations = new SchedulerUrls(permastore, cacheSize, cacheTtl);
    }

    @Override
    public SuClient forProcess(String processId) {
        SuClient known = byProcess.get(processId);
        if (known != null) {
            return known;
        }
        SuClient located = locate(processId);
        byProcess.put(processId, located);
        return located;
    }

    private SuClient locate(String processId) {
        if (local != null && local.knows(processId)) {
            return local;
        }
        Optional<StoredItem> process = PermastoreSource.call("process " + processId, () -> permastore.item(processId));
        String scheduler = process.flatMap(item -> item.tag("Scheduler")).orElseThrow(() ->
                CuException.notFound("process " + processId + " not found (no SU knows it and it is not on the permanent store)"));
        SuClient known = byScheduler.get(scheduler);
        if (known == null) {
            known = clientFor(scheduler);
            byScheduler.put(scheduler, known);
        }
        return known;
    }

    private SuClient clientFor(String schedulerAddress) {
        if (local != null && local.address().equals(schedulerAddress)) {
            return local;
        }
        String url = PermastoreSource.call("Scheduler-Location of " + schedulerAddress,
                        () -> locations.url(schedulerAddress))
                .orElseThrow(() -> CuException.unavailable("no Scheduler-Location record with a Url for scheduler "
                        + schedulerAddress, null));
        return new HttpSuClient(http.target(url, schedulerAddress), http, timeout);
    }
}
