package dev.ao4j.cu.adapter;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.port.LocalSu;
import dev.ao4j.cu.port.SchedulerDirectory;
import dev.ao4j.cu.port.SuClient;
import dev.ao4j.protocol.SchedulerUrls;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locates a process's SU as AO does: the process's {@code Scheduler} tag, then that wallet's newest
 * {@code Scheduler-Location} record and its {@code Url}. An SU running in this JVM is called directly; it is
 * also asked first about processes the permanent store does not have yet (the SU uploads in the background).
 */
public final class PermastoreSchedulerDirectory implements SchedulerDirectory {
    private final Permastore permastore;
    private final HttpClient http;
    private final LocalSu local;
    private final Map<String, SuClient> byProcess = new ConcurrentHashMap<>();
    private final Map<String, SuClient> byScheduler = new ConcurrentHashMap<>();
    private final SchedulerUrls locations;

    /** @param local the SU of this node, or null */
    public PermastoreSchedulerDirectory(Permastore permastore, HttpClient http, LocalSu local) {
        this.permastore = permastore;
        this.http = http;
        this.local = local;
        this.locations = new SchedulerUrls(permastore);
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
        return byScheduler.computeIfAbsent(scheduler, this::clientFor);
    }

    private SuClient clientFor(String schedulerAddress) {
        if (local != null && local.address().equals(schedulerAddress)) {
            return local;
        }
        String url = PermastoreSource.call("Scheduler-Location of " + schedulerAddress,
                        () -> locations.url(schedulerAddress))
                .orElseThrow(() -> CuException.unavailable("no Scheduler-Location record with a Url for scheduler "
                        + schedulerAddress, null));
        return new HttpSuClient(url, http);
    }
}
