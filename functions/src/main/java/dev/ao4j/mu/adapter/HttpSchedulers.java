package dev.ao4j.mu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.core.ProcessRecord;
import dev.ao4j.mu.core.Receipt;
import dev.ao4j.mu.port.Schedulers;
import dev.ao4j.protocol.BoundedCache;
import dev.ao4j.protocol.OwnerAddress;
import dev.ao4j.protocol.SchedulerUrls;
import dev.ao4j.protocol.TagJson;
import dev.ao4j.protocol.outbound.OutboundHttp;
import dev.ao4j.protocol.outbound.OutboundHttp.Target;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SUs over HTTP (AO-PROTOCOL §3). A process is first looked up on the default SU (the node's own, as AO's MU asks
 * its SU router), then through the process item on the permanent store: its {@code Scheduler} tag and that
 * wallet's newest {@code Scheduler-Location} record. Process records and locations are cached, bounded and for a
 * while (they do not change within a location's time to live). Every call goes through the node's outbound policy
 * (docs/security.md, "Outbound calls"): a location naming a private address is refused, not called.
 */
public final class HttpSchedulers implements Schedulers {
    private final UnitHttp http;
    private final Supplier<String> defaultSuUrl;
    private final String defaultSuAddress;
    private final Permastore permastore;
    private final BoundedCache<String, ProcessRecord> processes;
    private final SchedulerUrls locations;
    private final boolean askDefaultSuFirst;

    /**
     * @param defaultSuUrl base URL of the default SU (e.g. {@code http://127.0.0.1:8734/su}), read at first use
     * @param defaultSuAddress its wallet address (its Scheduler-Location may name a URL other hosts use)
     * @param cacheSize    most process records and locations kept
     * @param cacheTtl     how long one is kept
     * @param askDefaultSuFirst whether {@link #process} asks the default SU before locating a process's own SU;
     *                          false where the default SU runs in this process and was asked directly already
     */
    public HttpSchedulers(OutboundHttp outbound, Duration timeout, Supplier<String> defaultSuUrl, String defaultSuAddress,
                          Permastore permastore, int cacheSize, Duration cacheTtl, boolean askDefaultSuFirst) {
        this.http = new UnitHttp(outbound, timeout, "SU");
        this.defaultSuUrl = defaultSuUrl;
        this.defaultSuAddress = defaultSuAddress;
        this.permastore = permastore;
        this.processes = new BoundedCache<>(cacheSize, cacheTtl);
        this.locations = new SchedulerUrls(permastore, cacheSize, cacheTtl);
        this.askDefaultSuFirst = askDefaultSuFirst;
    }

    @Override
    public Optional<ProcessRecord> process(String processId) {
        ProcessRecord known = processes.get(processId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<JsonNode> found = askDefaultSuFirst ? fetchProcess(defaultSu(), processId) : Optional.empty();
        if (found.isEmpty()) {
            Optional<String> scheduler = storedItem(processId).flatMap(item -> item.tag("Scheduler"));
            if (scheduler.isPresent() && !scheduler.get().equals(defaultSuAddress)) {
                found = fetchProcess(urlOf(scheduler.get()), processId);
            }
        }
        Optional<ProcessRecord> record = found.map(node -> record(processId, node));
        // A record without its owner is not kept: the owner may reach the permanent store a moment later.
        record.filter(r -> r.owner() != null).ifPresent(r -> processes.put(processId, r));
        return record;
    }

    @Override
    public Receipt push(String schedulerAddress, byte[] item) {
        return receipt(http.post(urlOf(schedulerAddress), "", item).body());
    }

    @Override
    public Receipt assign(String processId, String transactionId, boolean baseLayer, List<String> exclude) {
        ProcessRecord process = process(processId).orElseThrow(() ->
                MuException.notFound("process " + processId + " not found: no scheduler knows it"));
        StringBuilder query = new StringBuilder("?process-id=").append(encode(processId))
                .append("&assign=").append(encode(transactionId));
        if (baseLayer) {
            query.append("&base-layer");
        }
        if (!exclude.isEmpty()) {
            query.append("&exclude=").append(encode(String.join(",", exclude)));
        }
        return receipt(http.post(urlOf(process.scheduler()), query.toString(), null).body());
    }

    /** The process as its SU shows it; an SU that does not know it (404, 400) is an empty answer. */
    private Optional<JsonNode> fetchProcess(Target su, String processId) {
        UnitHttp.Answer answer = http.exchange(su, "/processes/" + encode(processId), "GET", null);
        if (answer.status() == 404 || answer.status() == 400) {
            return Optional.empty();
        }
        return Optional.ofNullable(http.checked(su, answer).body());
    }

    private Target defaultSu() {
        return new Target(base(defaultSuUrl.get()), true); // configured by the operator, or this node's own
    }

    private Target urlOf(String schedulerAddress) {
        if (schedulerAddress.equals(defaultSuAddress)) {
            return defaultSu();
        }
        try {
            return locations.url(schedulerAddress).map(url -> http.target(url, schedulerAddress))
                    .orElseThrow(() -> MuException.badRequest("no Scheduler-Location record names a Url for scheduler "
                            + schedulerAddress));
        } catch (PermastoreException e) {
            throw MuException.unavailable("cannot read the Scheduler-Location of " + schedulerAddress + ": "
                    + e.getMessage(), e);
        }
    }

    private Optional<StoredItem> storedItem(String id) {
        try {
            return permastore.item(id);
        } catch (PermastoreException e) {
            throw MuException.unavailable("the permanent store is unavailable: " + e.getMessage(), e);
        }
    }

    /** The SU's record; an SU that leaves out the owner has it read from the Process item on the permanent store. */
    private ProcessRecord record(String processId, JsonNode node) {
        List<Tag> tags = TagJson.fromJsonLenient(node.path("tags"));
        JsonNode ownerNode = node.path("owner");
        String owner = OwnerAddress.of(ownerNode.path("address").textValue(), ownerNode.path("key").textValue());
        if (owner == null) {
            owner = storedItem(processId).map(StoredItem::ownerAddress).orElse(null);
        }
        return new ProcessRecord(processId, TagJson.first(tags, "Scheduler").orElse(null),
                TagJson.first(tags, "Module").orElse(null), tags, owner);
    }

    private static Receipt receipt(JsonNode body) {
        if (body == null || !body.hasNonNull("id")) {
            throw MuException.unavailable("the SU answered without an id", null);
        }
        return new Receipt(body.get("id").asText(), body.path("timestamp").asLong());
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
