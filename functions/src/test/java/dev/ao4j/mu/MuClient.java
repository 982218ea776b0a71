package dev.ao4j.mu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A user of a running node, over its HTTP API only: signs items, posts them to /mu, reads /su and /cu. */
public final class MuClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** One entry of a process's SU log. */
    public record Entry(String id, String owner, List<Tag> tags, String data) {
        String tag(String name) {
            return tags.stream().filter(t -> t.name().equals(name)).map(Tag::value).findFirst().orElse(null);
        }
    }

    final String base;
    public final Wallet user;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public MuClient(String base) throws Exception {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.user = Wallets.generate(WalletType.ED25519);
    }

    public String suAddress() throws Exception {
        return get("/su").json().get("address").asText();
    }

    public String muAddress() throws Exception {
        return get("/mu/info").json().get("address").asText();
    }

    /** Spawns an aos process trusting the MU; answers its id. */
    public String spawn(String module, Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", module), new Tag("Scheduler", suAddress()),
                new Tag("Authority", muAddress())));
        tags.addAll(List.of(extra));
        DataItem item = DataItem.sign(user, null, anchor(), tags, "ao4j".getBytes(StandardCharsets.UTF_8));
        Answer answer = post("/mu", item.raw());
        if (answer.status() != 202) {
            throw new AssertionError("spawn refused: " + answer);
        }
        return item.id();
    }

    public DataItem message(String process, String data, Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Message")));
        tags.addAll(List.of(extra));
        return DataItem.sign(user, process, anchor(), tags, data.getBytes(StandardCharsets.UTF_8));
    }

    public String send(String process, String data, Tag... extra) throws Exception {
        DataItem item = message(process, data, extra);
        Answer answer = post("/mu", item.raw());
        if (answer.status() != 202) {
            throw new AssertionError("message refused: " + answer);
        }
        return answer.json().get("id").asText();
    }

    public String eval(String process, String lua) throws Exception {
        return send(process, lua, new Tag("Action", "Eval"));
    }

    /** The process's SU log, oldest first (the process itself first). */
    public List<Entry> log(String process) throws Exception {
        List<Entry> entries = new ArrayList<>();
        String from = "";
        while (true) {
            JsonNode page = get("/su/" + process + "?limit=1000" + from).json();
            for (JsonNode edge : page.get("edges")) {
                JsonNode message = edge.get("node").get("message");
                if (message == null || message.isNull()) { // an assignment of an existing transaction
                    String assigned = "";
                    for (JsonNode t : edge.get("node").get("assignment").get("tags")) {
                        assigned = t.get("name").asText().equals("Message") ? t.get("value").asText() : assigned;
                    }
                    entries.add(new Entry(assigned, null, List.of(), ""));
                } else {
                    List<Tag> tags = new ArrayList<>();
                    message.get("tags").forEach(t -> tags.add(new Tag(t.get("name").asText(), t.get("value").asText())));
                    entries.add(new Entry(message.get("id").asText(), message.path("owner").path("address").asText(), tags,
                            message.path("data").asText("")));
                }
                from = "&from=" + edge.get("cursor").asText();
            }
            if (!page.get("page_info").get("has_next_page").asBoolean()) {
                return entries;
            }
        }
    }

    /** Messages in the log with tag {@code name} = {@code value}. */
    List<Entry> logged(String process, String name, String value) throws Exception {
        return log(process).stream().filter(e -> value.equals(e.tag(name))).toList();
    }

    public JsonNode result(String message, String process) throws Exception {
        return get("/cu/result/" + message + "?process-id=" + process).json();
    }

    public Answer post(String path, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json");
        request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request);
    }

    Answer delete(String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .method("DELETE", HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    public static byte[] anchor() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64Url.encode(random).getBytes(StandardCharsets.US_ASCII);
    }

    /** Polls until the condition holds; fails after {@code timeout} with {@code what}. */
    public interface Check {
        boolean holds() throws Exception;
    }

    /** Polls the node every 200 ms (see {@link Await}). */
    public static void await(String what, Duration timeout, Check condition) throws Exception {
        Await.until(what, timeout, Duration.ofMillis(200), condition::holds);
    }
}
