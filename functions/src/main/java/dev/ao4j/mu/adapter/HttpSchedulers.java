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
import dev.ao4j.protocol.SchedulerUrls;
import dev.ao4j.protocol.TagJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * SUs over HTTP (AO-PROTOCOL §3). A process is first looked up on the default SU (the node's own, as AO's MU asks
 * its SU router), then through the process item on the permanent store: its {@code Scheduler} tag and that
 * wallet's newest {@code Scheduler-Location} record. Process records and locations are cached (they do not change
 * within a location's time to live).
 */
public final class HttpSchedulers implements Schedulers {
    private final UnitHttp http;
    private final Supplier<String> defaultSuUrl;
    private final String defaultSuAddress;
    private final Permastore permastore;
    private final Map<String, ProcessRecord> processes = new ConcurrentHashMap<>();
    private final SchedulerUrls locations;

    /**
     * @param defaultSuUrl base URL of the default SU (e.g. {@code http://127.0.0.1:8734/su}), read at first use
     * @param defaultSuAddress its wallet address (its Scheduler-Location may name a URL other hosts use)
     */
    public HttpSchedulers(java.net.http.HttpClient client, java.time.Duration timeout, Supplier<String> defaultSuUrl,
                          String defaultSuAddress, Permastore permastore) {
        this.http = new UnitHttp(client, timeout);
        this.defaultSuUrl = defaultSuUrl;
        this.defaultSuAddress = defaultSuAddress;
        this.permastore = permastore;
        this.locations = new SchedulerUrls(permastore);
    }

    @Override
    public Optional<ProcessRecord> process(String processId) {
        ProcessRecord known = processes.get(processId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<JsonNode> found = fetchProcess(base(defaultSuUrl.get()), processId);
        if (found.isEmpty()) {
            Optional<String> scheduler = storedItem(processId).flatMap(item -> item.tag("Scheduler"));
            if (scheduler.isPresent() && !scheduler.get().equals(defaultSuAddress)) {
                found = fetchProcess(urlOf(scheduler.get()), processId);
            }
        }
        Optional<ProcessRecord> record = found.map(node -> record(processId, node));
        record.ifPresent(r -> processes.put(processId, r));
        return record;
    }

    @Override
    public Receipt push(String schedulerAddress, byte[] item) {
        return receipt(http.post(urlOf(schedulerAddress), item).body());
    }

    @Override
    public Receipt assign(String processId, String transactionId, boolean baseLayer, List<String> exclude) {
        ProcessRecord process = process(processId).orElseThrow(() ->
                MuException.notFound("process " + processId + " not found: no scheduler knows it"));
        StringBuilder url = new StringBuilder(urlOf(process.scheduler())).append("?process-id=").append(encode(processId))
                .append("&assign=").append(encode(transactionId));
        if (baseLayer) {
            url.append("&base-layer");
        }
        if (!exclude.isEmpty()) {
            url.append("&exclude=").append(encode(String.join(",", exclude)));
        }
        return receipt(http.post(url.toString(), null).body());
    }

    private Optional<JsonNode> fetchProcess(String suUrl, String processId) {
        try {
            return Optional.ofNullable(http.get(suUrl + "/processes/" + encode(processId)).body());
        } catch (MuException e) {
            if (e.status() == 404 || e.status() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String urlOf(String schedulerAddress) {
        if (schedulerAddress.equals(defaultSuAddress)) {
            return base(defaultSuUrl.get());
        }
        try {
            return locations.url(schedulerAddress).map(HttpSchedulers::base)
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

    private static ProcessRecord record(String processId, JsonNode node) {
        List<Tag> tags = TagJson.fromJsonLenient(node.path("tags"));
        return new ProcessRecord(processId, TagJson.first(tags, "Scheduler").orElse(null),
                TagJson.first(tags, "Module").orElse(null), tags);
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
