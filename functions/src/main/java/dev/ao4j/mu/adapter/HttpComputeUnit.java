package dev.ao4j.mu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.protocol.outbound.OutboundHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A CU over HTTP (AO-PROTOCOL §4). A result the CU is still computing (202) or cannot give now (5xx, no answer)
 * is asked for again with a doubling wait, as AO's MU does; after the last try the step fails and the queue
 * retries it later.
 */
public final class HttpComputeUnit implements ComputeUnit {
    private static final Logger LOG = Logger.getLogger(HttpComputeUnit.class);

    private final UnitHttp http;
    private final Supplier<String> baseUrl;
    private final int attempts;
    private final Duration firstBackoff;

    /** @param baseUrl the CU this MU is configured with (or this node's own): trusted by the outbound policy */
    public HttpComputeUnit(OutboundHttp outbound, Duration timeout, Supplier<String> baseUrl, int attempts,
                           Duration firstBackoff) {
        this.http = new UnitHttp(outbound, timeout, "CU");
        this.baseUrl = baseUrl;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public JsonNode result(String messageId, String processId) {
        return getWithRetry("/result/" + encode(messageId) + "?process-id=" + encode(processId) + "&no-busy=1");
    }

    @Override
    public Optional<String> latestCursor(String processId) {
        JsonNode page = getWithRetry("/results/" + encode(processId) + "?sort=DESC&limit=1");
        JsonNode edges = page.path("edges");
        return edges.isArray() && !edges.isEmpty() ? Optional.of(edges.get(0).path("cursor").asText()) : Optional.empty();
    }

    @Override
    public JsonNode cron(String processId, String fromCursor, int limit) {
        String from = fromCursor == null ? "" : "&from=" + encode(fromCursor);
        return getWithRetry("/cron/" + encode(processId) + "?limit=" + limit + from);
    }

    private JsonNode getWithRetry(String path) {
        OutboundHttp.Target cu = new OutboundHttp.Target(base(), true);
        long wait = firstBackoff.toMillis();
        MuException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                UnitHttp.Answer answer = http.get(cu, path);
                if (answer.status() == 200 && answer.body() != null) {
                    return answer.body();
                }
                last = new MuException(answer.status() == 200 ? 503 : answer.status(),
                        "the CU has no result yet for " + path + " (HTTP " + answer.status() + ")");
            } catch (MuException e) {
                if (!e.transientFailure()) {
                    throw e;
                }
                last = e;
            }
            if (attempt < attempts) {
                LOG.debugf("CU %s: %s; asking again in %d ms", path, last.getMessage(), wait);
                sleep(wait);
                wait *= 2;
            }
        }
        throw last;
    }

    private String base() {
        String url = baseUrl.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MuException.unavailable("interrupted while waiting for the CU", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
