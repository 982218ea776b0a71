package dev.ao4j.cu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.port.SuClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** An SU over HTTP (AO-PROTOCOL §3), with AO's CU retry policy for transient failures. */
public final class HttpSuClient implements SuClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 4;
    private static final long FIRST_BACKOFF_MILLIS = 250;

    private final String baseUrl;
    private final HttpClient http;

    public HttpSuClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Optional<JsonNode> process(String processId) {
        return get("/processes/" + processId);
    }

    @Override
    public Optional<JsonNode> message(String processId, String messageId) {
        return get("/" + messageId + "?process-id=" + encode(processId));
    }

    @Override
    public JsonNode page(String processId, Long from, Long to, int limit) {
        StringBuilder path = new StringBuilder("/").append(processId).append("?process-id=").append(encode(processId));
        if (from != null) {
            path.append("&from=").append(from);
        }
        if (to != null) {
            path.append("&to=").append(to);
        }
        path.append("&limit=").append(limit);
        return get(path.toString()).orElseThrow(() -> CuException.notFound("process " + processId + " not found on its SU"));
    }

    @Override
    public JsonNode timestamp(String processId) {
        return get("/timestamp?process-id=" + encode(processId)).orElseThrow(() ->
                CuException.unavailable("the SU at " + baseUrl + " has no /timestamp", null));
    }

    private Optional<JsonNode> get(String path) {
        URI uri = URI.create(baseUrl + path);
        IOException last = null;
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json").GET().build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return Optional.of(JSON.readTree(response.body()));
                }
                if (status == 404 || status == 400) {
                    return Optional.empty();
                }
                last = new IOException("HTTP " + status + ": " + new String(response.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CuException.unavailable("interrupted while reading the SU at " + uri, e);
            }
            sleep(backoff);
            backoff *= 2;
        }
        throw CuException.unavailable("the SU at " + uri + " failed: " + (last.getMessage() != null ? last.getMessage() : last), last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
