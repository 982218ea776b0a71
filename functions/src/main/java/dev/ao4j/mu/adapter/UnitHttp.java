package dev.ao4j.mu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.core.MuException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One HTTP exchange with another unit; AO's {@code {"error"}} answers become {@link MuException}s with their status. */
final class UnitHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 3;

    private final HttpClient http;
    private final Duration timeout;

    UnitHttp(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    record Answer(int status, JsonNode body) {}

    Answer get(String url) {
        return send(url, "GET", null);
    }

    /** POSTs (bytes may be null: an empty body); follows 307/308 redirects as AO's MU does. */
    Answer post(String url, byte[] bytes) {
        return send(url, "POST", bytes);
    }

    private Answer send(String url, String method, byte[] bytes) {
        URI uri = URI.create(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
            if (method.equals("POST")) {
                request.header("Content-Type", "application/octet-stream")
                        .POST(bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
            } else {
                request.GET();
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw MuException.unavailable(method + " " + uri + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MuException.unavailable("interrupted: " + method + " " + uri, e);
            }
            int status = response.statusCode();
            if ((status == 307 || status == 308) && response.headers().firstValue("Location").isPresent()) {
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            JsonNode body = parse(response.body());
            if (status >= 400) {
                String error = body != null && body.hasNonNull("error") ? body.get("error").asText()
                        : new String(response.body(), StandardCharsets.UTF_8);
                throw new MuException(status, error);
            }
            return new Answer(status, body);
        }
        throw MuException.unavailable(method + " " + url + ": too many redirects", null);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
