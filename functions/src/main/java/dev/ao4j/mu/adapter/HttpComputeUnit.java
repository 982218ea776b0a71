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

/**
 * A CU over HTTP (AO-PROTOCOL §4). Any answer but a 200 with a body is a {@link MuException} with the CU's status
 * ({@link RetryingComputeUnit} asks again while that status may change).
 */
public final class HttpComputeUnit implements ComputeUnit {
    private final UnitHttp http;
    private final Supplier<String> baseUrl;

    /** @param baseUrl the CU this MU is configured with: trusted by the outbound policy */
    public HttpComputeUnit(OutboundHttp outbound, Duration timeout, Supplier<String> baseUrl) {
        this.http = new UnitHttp(outbound, timeout, "CU");
        this.baseUrl = baseUrl;
    }

    @Override
    public JsonNode result(String messageId, String processId) {
        return get("/result/" + encode(messageId) + "?process-id=" + encode(processId) + "&no-busy=1");
    }

    @Override
    public Optional<String> latestCursor(String processId) {
        JsonNode page = get("/results/" + encode(processId) + "?sort=DESC&limit=1");
        JsonNode edges = page.path("edges");
        return edges.isArray() && !edges.isEmpty() ? Optional.of(edges.get(0).path("cursor").asText()) : Optional.empty();
    }

    @Override
    public JsonNode cron(String processId, String fromCursor, int limit) {
        String from = fromCursor == null ? "" : "&from=" + encode(fromCursor);
        return get("/cron/" + encode(processId) + "?limit=" + limit + from);
    }

    private JsonNode get(String path) {
        UnitHttp.Answer answer = http.get(new OutboundHttp.Target(base(), true), path);
        if (answer.status() == 200 && answer.body() != null) {
            return answer.body();
        }
        throw new MuException(answer.status() == 200 ? 503 : answer.status(),
                "the CU has no result yet for " + path + " (HTTP " + answer.status() + ")");
    }

    private String base() {
        String url = baseUrl.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
