package dev.ao4j.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.node.NodeUrls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thin HTTP client of a node's public APIs, the calls aoconnect makes: post a signed item to the MU, read a
 * result from the CU, dry-run, and query the gateway's GraphQL. Every failure is a {@link NodeException}.
 */
public final class NodeClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first evaluation of a process starts its module: allow for a cold start on a busy machine. */
    private static final Duration EVALUATION_TIMEOUT = Duration.ofMinutes(5);

    private final NodeUrls urls;
    private final HttpClient http;

    public NodeClient(NodeUrls urls) {
        this.urls = urls;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The node at {@code base}, asking its SU and MU for their addresses and the gateway for its modules. */
    public static NodeClient discover(String base) throws NodeException {
        NodeClient probe = new NodeClient(NodeUrls.at(base, null, null, Map.of()));
        String scheduler = probe.getJson(probe.urls.su()).path("address").asText(null);
        String authority;
        try {
            authority = probe.getJson(probe.urls.mu()).path("address").asText(null);
        } catch (NodeException e) {
            authority = null;
        }
        Map<String, String> modules = new LinkedHashMap<>();
        for (JsonNode module : probe.modules()) {
            modules.putIfAbsent(module.path("name").asText(), module.path("id").asText());
        }
        return new NodeClient(NodeUrls.at(base, scheduler, authority, modules));
    }

    public NodeUrls urls() {
        return urls;
    }

    /** POSTs a signed item to the MU as aoconnect does; returns the MU's JSON answer. */
    public JsonNode send(DataItem item) throws NodeException {
        return call(HttpRequest.newBuilder(URI.create(urls.mu()))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(item.raw())), Duration.ofMinutes(1));
    }

    public JsonNode result(String message, String process) throws NodeException {
        return result(urls.cu(), message, process);
    }

    /** The result of a message from the CU at {@code cu} (which evaluates up to it if needed). */
    public JsonNode result(String cu, String message, String process) throws NodeException {
        return getJson(trim(cu) + "/result/" + enc(message) + "?process-id=" + enc(process), EVALUATION_TIMEOUT);
    }

    /** The CU's signed attestation of its stored result of a message (404: it has none). */
    public JsonNode attestation(String cu, String message, String process) throws NodeException {
        return getJson(trim(cu) + "/result/" + enc(message) + "/attestation?process-id=" + enc(process),
                EVALUATION_TIMEOUT);
    }

    /** A page of the process's log on the node's SU: {@code from < timestamp}, at most {@code limit} slots. */
    public JsonNode logPage(String process, Long from, int limit) throws NodeException {
        return getJson(urls.su() + "/" + enc(process) + "?process-id=" + enc(process)
                + (from == null ? "" : "&from=" + from) + "&limit=" + limit);
    }

    public JsonNode dryRun(String process, ObjectNode message) throws NodeException {
        return call(HttpRequest.newBuilder(URI.create(urls.cu() + "/dry-run?process-id=" + enc(process)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())), EVALUATION_TIMEOUT);
    }

    /** Runs a GraphQL query on the gateway; returns its {@code data}. */
    public JsonNode graphql(String query, ObjectNode variables) throws NodeException {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", variables);
        JsonNode answer = call(HttpRequest.newBuilder(URI.create(urls.gateway() + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), Duration.ofSeconds(30));
        if (answer.has("errors")) {
            throw new NodeException(400, "gateway: " + answer.get("errors"));
        }
        return answer.path("data");
    }

    /** Every {@code Type: Module} item the gateway knows: {name, id, format, owner}, newest first. */
    public java.util.List<JsonNode> modules() throws NodeException {
        return Listings.modules(this);
    }

    /** Processes ({@code Type: Process} items) on the gateway, of one owner or (null) of everyone. */
    public java.util.List<JsonNode> processes(String owner) throws NodeException {
        return Listings.processes(this, owner);
    }

    JsonNode getJson(String url) throws NodeException {
        return getJson(url, Duration.ofSeconds(30));
    }

    private JsonNode getJson(String url, Duration timeout) throws NodeException {
        return call(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET(), timeout);
    }

    private JsonNode call(HttpRequest.Builder request, Duration timeout) throws NodeException {
        HttpRequest built = request.timeout(timeout).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new NodeException(0, "cannot reach the node at " + built.uri() + " (is `ao4j up` running?)");
        } catch (IOException e) {
            throw new NodeException(0, "cannot reach the node at " + built.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException(0, "interrupted");
        }
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() >= 400) {
            String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : response.body();
            throw new NodeException(response.statusCode(), response.statusCode() + " from " + built.uri().getPath() + ": " + error);
        }
        if (body == null) {
            throw new NodeException(response.statusCode(), "not JSON from " + built.uri() + ": " + abbreviate(response.body()));
        }
        return body;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
