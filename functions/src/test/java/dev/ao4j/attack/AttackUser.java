package dev.ao4j.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Anyone on the network, over the node's HTTP API only: signs items, uploads them to /tx, posts to /mu, reads. */
final class AttackUser {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    record Answer(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    final Wallet wallet = Wallets.generate(WalletType.ED25519);
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    AttackUser(URL root) {
        String url = root.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Uploads a Scheduler-Location of this user's wallet naming {@code url}; anyone may. */
    void publishLocation(String url) throws Exception {
        DataItem location = DataItem.sign(wallet, null, null, List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Variant", "ao.TN.1"), new Tag("Type", "Scheduler-Location"), new Tag("Url", url),
                new Tag("Time-To-Live", "3600000")), new byte[] {' '});
        require(200, post("/tx", location.raw()));
    }

    /** A Process item naming this user's wallet as its Scheduler. */
    DataItem processOnOwnScheduler() throws Exception {
        return DataItem.sign(wallet, null, anchor(), List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", randomId()), new Tag("Scheduler", wallet.address())),
                "process".getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads {@link #processOnOwnScheduler()} to the permanent store (/tx), as anyone may; answers its id. */
    String uploadProcessOnOwnScheduler() throws Exception {
        DataItem process = processOnOwnScheduler();
        require(200, post("/tx", process.raw()));
        return process.id();
    }

    /** Spawns an aos process on the node's own SU, trusting its MU; answers its id. */
    String spawnAos(String module) throws Exception {
        String su = get("/su").json().get("address").asText();
        String mu = get("/mu/info").json().get("address").asText();
        DataItem spawn = DataItem.sign(wallet, null, anchor(), List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Variant", "ao.TN.1"), new Tag("Type", "Process"), new Tag("Module", module),
                new Tag("Scheduler", su), new Tag("Authority", mu)), "aos".getBytes(StandardCharsets.UTF_8));
        require(202, post("/mu", spawn.raw()));
        return spawn.id();
    }

    DataItem message(String process, String action, String data) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Message"), new Tag("Action", action)));
        return DataItem.sign(wallet, process, anchor(), tags, data.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends through /mu; answers the message id. */
    String send(String process, String action, String data) throws Exception {
        return require(202, post("/mu", message(process, action, data).raw())).json().get("id").asText();
    }

    /** The tags of every message in the process's SU log, oldest first (the process itself first). */
    List<List<Tag>> loggedTags(String process) throws Exception {
        List<List<Tag>> out = new ArrayList<>();
        for (JsonNode edge : get("/su/" + process + "?limit=1000").json().get("edges")) {
            JsonNode message = edge.get("node").get("message");
            List<Tag> tags = new ArrayList<>();
            if (message != null && !message.isNull()) {
                message.get("tags").forEach(t -> tags.add(new Tag(t.get("name").asText(), t.get("value").asText())));
            }
            out.add(tags);
        }
        return out;
    }

    Answer post(String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static Answer require(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + answer);
        }
        return answer;
    }

    static byte[] anchor() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64Url.encode(random).getBytes(StandardCharsets.US_ASCII);
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }
}
