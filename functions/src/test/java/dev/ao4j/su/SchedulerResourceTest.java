package dev.ao4j.su;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.protocol.AoItems;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.port.LogStore;
import dev.ao4j.testing.Await;
import dev.ao4j.testing.NodeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SU's HTTP API as AO's clients call it, including what a caller sees for bad input. */
@QuarkusTest
@TestProfile(NodeTestProfile.class)
class SchedulerResourceTest {
    static final Wallet USER = Wallets.generate(WalletType.ED25519);

    @Inject
    SchedulerService scheduler;

    @Inject
    LogStore log;

    @Inject
    Permastore permastore;

    DataItem spawn(Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", "m".repeat(43)), new Tag("Scheduler", scheduler.address()),
                new Tag("Test-Run", java.util.UUID.randomUUID().toString())));
        tags.addAll(List.of(extra));
        return DataItem.sign(USER, null, null, tags, "spawn".getBytes(StandardCharsets.UTF_8));
    }

    DataItem message(String processId, String data) throws Exception {
        return DataItem.sign(USER, processId, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Message"),
                new Tag("Action", "Ping")), data.getBytes(StandardCharsets.UTF_8));
    }

    static io.restassured.response.ValidatableResponse post(byte[] body) {
        return given().contentType(ContentType.BINARY).body(body).when().post("/su").then();
    }

    @Test
    void infoAndTimestampHaveAosShapes() {
        given().when().get("/su").then().statusCode(200)
                .body("address", equalTo(scheduler.address()))
                .body("timestamp", matchesPattern("\\d+"));
        given().when().get("/su/timestamp").then().statusCode(200)
                .body("timestamp", matchesPattern("\\d+"))
                .body("block_height", matchesPattern("\\d{12}"));
    }

    @Test
    void spawnMessagesAndPagesReadBackAsAoShapes() throws Exception {
        DataItem process = spawn();
        post(process.raw()).statusCode(200).body("id", equalTo(process.id()));
        DataItem first = message(process.id(), "one");
        DataItem second = message(process.id(), "two");
        post(first.raw()).statusCode(200).body("id", equalTo(first.id()));
        post(second.raw()).statusCode(200).body("id", equalTo(second.id()));

        given().when().get("/su/processes/" + process.id()).then().statusCode(200)
                .body("process_id", equalTo(process.id()))
                .body("block", matchesPattern("\\d{12}"))
                .body("owner.address", equalTo(USER.address()))
                .body("data", equalTo("spawn"))
                .body("target", nullValue());

        given().when().get("/su/" + process.id()).then().statusCode(200)
                .body("page_info.has_next_page", equalTo(false))
                .body("edges", hasSize(3))
                .body("edges[0].node.message.id", equalTo(process.id()))
                .body("edges[0].node.assignment.tags.find { it.name == 'Nonce' }.value", equalTo("0"))
                .body("edges[2].node.message.data", equalTo("two"))
                .body("edges[2].node.message.target", equalTo(process.id()))
                .body("edges[2].node.assignment.tags.find { it.name == 'Message' }.value", equalTo(second.id()));

        given().queryParam("limit", 1).when().get("/su/" + process.id()).then().statusCode(200)
                .body("page_info.has_next_page", equalTo(true)).body("edges", hasSize(1));

        given().queryParam("process-id", process.id()).when().get("/su/" + first.id()).then().statusCode(200)
                .body("message.id", equalTo(first.id()))
                .body("assignment.tags.find { it.name == 'Nonce' }.value", equalTo("1"));
        given().when().get("/su/" + process.id() + "/latest").then().statusCode(200)
                .body("message.id", equalTo(second.id()));
    }

    @Test
    void activityCountsEachProcesssSlotsAndSlotsReadByNumber() throws Exception {
        DataItem process = spawn();
        post(process.raw()).statusCode(200);
        post(message(process.id(), "one").raw()).statusCode(200);
        long last = post(message(process.id(), "two").raw()).statusCode(200).extract().jsonPath().getLong("timestamp");
        String unknown = "u".repeat(43);
        given().queryParam("process-id", process.id(), unknown).when().get("/su/activity").then().statusCode(200)
                .body("'" + process.id() + "'.slots", equalTo(3))
                .body("'" + process.id() + "'.last", equalTo(last))
                .body(unknown, nullValue());

        given().when().get("/su/" + process.id() + "/slot/2").then().statusCode(200)
                .body("assignment.tags.find { it.name == 'Nonce' }.value", equalTo("2"))
                .body("message.data", equalTo("two"));
        given().when().get("/su/" + process.id() + "/slot/3").then().statusCode(404);
        given().when().get("/su/" + process.id() + "/slot/-1").then().statusCode(404);
        given().when().get("/su/" + process.id() + "/slot/" + "9".repeat(19)).then().statusCode(404);

        given().when().get("/su/activity").then().statusCode(400);
        given().queryParam("process-id", "not-an-id").when().get("/su/activity").then().statusCode(400);
        Object[] tooMany = java.util.stream.IntStream.rangeClosed(0, 50).mapToObj(i -> unknown).toArray();
        given().queryParam("process-id", tooMany).when().get("/su/activity").then().statusCode(400)
                .body("error", containsString("50"));
    }

    @Test
    void forgedItemsAreRefusedAndTheLogIsUntouched() throws Exception {
        DataItem process = spawn();
        post(process.raw()).statusCode(200);
        byte[] forged = message(process.id(), "honest").raw();
        forged[forged.length - 1] ^= 1; // the data no longer matches the signature
        post(forged).statusCode(400).body("error", containsString("signature does not verify"));
        post("not an item".getBytes(StandardCharsets.UTF_8)).statusCode(400).body("error", containsString("not a valid ANS-104"));
        post(new byte[0]).statusCode(400).body("error", containsString("signed ANS-104 data item"));
        org.junit.jupiter.api.Assertions.assertEquals(0, log.latest(process.id()).orElseThrow().nonce());
    }

    @Test
    void unknownProcessesAndIncompleteSpawnsAreRefused() throws Exception {
        DataItem orphan = message("q".repeat(43), "nobody home");
        post(orphan.raw()).statusCode(404).body("error", containsString("not found"));

        DataItem noModule = DataItem.sign(USER, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Process"),
                new Tag("Scheduler", scheduler.address())), new byte[] {'x'});
        post(noModule.raw()).statusCode(400).body("error", containsString("no Module tag"));

        DataItem noScheduler = DataItem.sign(USER, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Process"),
                new Tag("Module", "m".repeat(43))), new byte[] {'x'});
        post(noScheduler.raw()).statusCode(400).body("error", containsString("no Scheduler tag"));

        DataItem otherType = DataItem.sign(USER, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Module")),
                new byte[] {'x'});
        post(otherType.raw()).statusCode(400).body("error", containsString("Type Process or Message"));

        org.junit.jupiter.api.Assertions.assertTrue(log.latest(noModule.id()).isEmpty());
    }

    @Test
    void oversizedItemsGetAoErrorJson() throws Exception {
        DataItem process = spawn();
        post(process.raw()).statusCode(200);
        DataItem huge = DataItem.sign(USER, process.id(), null, List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Type", "Message")), new byte[AoItems.MAX_ITEM_BYTES + 1]);
        post(huge.raw()).statusCode(413).body("error", containsString("over the"));
        org.junit.jupiter.api.Assertions.assertEquals(0, log.latest(process.id()).orElseThrow().nonce());
    }

    @Test
    void assignmentsOfUnknownTransactionsAreRefusedKnownOnesTakeASlot() throws Exception {
        DataItem process = spawn();
        post(process.raw()).statusCode(200);
        given().queryParam("process-id", process.id()).queryParam("assign", "z".repeat(43))
                .when().post("/su").then().statusCode(404).body("error", containsString("was not found"));
        given().queryParam("process-id", process.id())
                .when().post("/su").then().statusCode(400).body("error", containsString("both process-id and assign"));

        DataItem elsewhere = message("e".repeat(43), "on arweave");
        permastore.put(elsewhere);
        String assignmentId = given().queryParam("process-id", process.id()).queryParam("assign", elsewhere.id())
                .queryParam("exclude", "Data,Anchor")
                .when().post("/su").then().statusCode(200).extract().path("id");
        given().queryParam("process-id", process.id()).when().get("/su/" + elsewhere.id()).then().statusCode(200)
                .body("message", nullValue())
                .body("assignment.id", equalTo(assignmentId))
                .body("assignment.tags.findAll { it.name == 'Exclude' }.value", equalTo(List.of("Data", "Anchor")));
    }

    @Test
    void acceptedMessagesReachThePermanentStoreWithTheirAssignments() throws Exception {
        DataItem process = spawn();
        post(process.raw()).statusCode(200);
        DataItem sent = message(process.id(), "keep me");
        post(sent.raw()).statusCode(200);
        String assignmentId = log.findMessage(process.id(), sent.id()).orElseThrow().assignmentId();
        Await.until("the message and its assignment are uploaded", Duration.ofSeconds(20),
                () -> permastore.item(sent.id()).isPresent() && permastore.item(assignmentId).isPresent());
        org.junit.jupiter.api.Assertions.assertTrue(permastore.item(sent.id()).isPresent(), "message uploaded");
        org.junit.jupiter.api.Assertions.assertTrue(permastore.item(assignmentId).isPresent(), "assignment uploaded");
    }
}
