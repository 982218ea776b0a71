package dev.ao4j.attack;

import static io.restassured.RestAssured.given;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Signer;
import dev.ao4j.arweave.ans104.Tag;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Signed AO items and the node's write routes, as an anonymous caller uses them. */
final class AttackItems {
    private AttackItems() {}

    /** A process on the node's own SU; the module id need not exist, the SU does not load it. */
    static DataItem process(Signer owner, String scheduler, Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", "m".repeat(43)), new Tag("Scheduler", scheduler),
                new Tag("Attack-Run", UUID.randomUUID().toString())));
        tags.addAll(List.of(extra));
        return DataItem.sign(owner, null, null, tags, "spawn".getBytes(StandardCharsets.UTF_8));
    }

    static DataItem message(Signer from, String processId, String data, Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Message"), new Tag("Action", "Ping")));
        tags.addAll(List.of(extra));
        return DataItem.sign(from, processId, null, tags, data.getBytes(StandardCharsets.UTF_8));
    }

    static ValidatableResponse postSu(byte[] body) {
        return given().contentType(ContentType.BINARY).body(body).when().post("/su").then();
    }

    static ValidatableResponse postTx(byte[] body) {
        return given().contentType(ContentType.BINARY).body(body).when().post("/tx/arweave").then();
    }
}
