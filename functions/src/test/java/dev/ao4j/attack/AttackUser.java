package dev.ao4j.attack;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.mu.MuClient;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * Anyone on the network, over the node's HTTP API only: a {@link MuClient} (signs items, posts to /mu, reads) that
 * also uploads Scheduler-Locations and processes of its own to /tx.
 */
final class AttackUser {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MuClient client;
    final Wallet wallet;

    AttackUser(URL root) throws Exception {
        this.client = new MuClient(root.toString());
        this.wallet = client.user;
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
        return DataItem.sign(wallet, null, MuClient.anchor(), List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Variant", "ao.TN.1"), new Tag("Type", "Process"), new Tag("Module", randomId()),
                new Tag("Scheduler", wallet.address())), "process".getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads {@link #processOnOwnScheduler()} to the permanent store (/tx), as anyone may; answers its id. */
    String uploadProcessOnOwnScheduler() throws Exception {
        DataItem process = processOnOwnScheduler();
        require(200, post("/tx", process.raw()));
        return process.id();
    }

    /** Spawns an aos process on the node's own SU, trusting its MU; answers its id. */
    String spawnAos(String module) throws Exception {
        return client.spawn(module);
    }

    DataItem message(String process, String action, String data) throws Exception {
        return client.message(process, data, new Tag("Action", action));
    }

    /** Sends through /mu; answers the message id. */
    String send(String process, String action, String data) throws Exception {
        return client.send(process, data, new Tag("Action", action));
    }

    /** The tags of every message in the process's SU log, oldest first (the process itself first). */
    List<List<Tag>> loggedTags(String process) throws Exception {
        return client.log(process).stream().map(MuClient.Entry::tags).toList();
    }

    MuClient.Answer post(String path, byte[] body) throws Exception {
        return client.post(path, body);
    }

    MuClient.Answer get(String path) throws Exception {
        return client.get(path);
    }

    private static MuClient.Answer require(int status, MuClient.Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + answer);
        }
        return answer;
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }
}
