package dev.ao4j.attack;

import static dev.ao4j.attack.AttackItems.message;
import static dev.ao4j.attack.AttackItems.postSu;
import static dev.ao4j.attack.AttackItems.postTx;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Attacks on the scheduler's HTTP API (POST /su, GET /su/{process}): none may hang, exhaust or corrupt it. */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class SchedulerAttackTest {
    static final Wallet USER = Wallets.generate(WalletType.ED25519);
    static final Wallet ATTACKER = Wallets.generate(WalletType.ED25519);

    static String schedulerAddress() {
        return given().when().get("/su").then().statusCode(200).extract().path("address");
    }

    static DataItem spawned() throws Exception {
        DataItem process = AttackItems.process(USER, schedulerAddress());
        postSu(process.raw()).statusCode(200);
        return process;
    }

    static io.restassured.response.ValidatableResponse assign(String processId, String tx, String exclude) {
        var request = given().queryParam("process-id", processId).queryParam("assign", tx);
        if (exclude != null) {
            request = request.queryParam("exclude", exclude);
        }
        return request.when().post("/su").then();
    }

    /**
     * H3: an assign whose exclude list is too long used to throw while its batch was being signed, and every
     * request of that batch (other users' messages included) waited forever. Now the edge refuses it with 400,
     * and honest writers racing it are all answered.
     */
    @Test
    void aHugeExcludeListIsRefusedAndConcurrentWritersAreAllAnswered() throws Exception {
        DataItem process = spawned();
        DataItem elsewhere = message(ATTACKER, "e".repeat(43), "on the permanent store");
        postTx(elsewhere.raw()).statusCode(200);
        String tooMany = IntStream.range(0, 200).mapToObj(i -> "Data").collect(Collectors.joining(","));
        String tooLong = "D".repeat(3_000);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<CompletableFuture<Integer>> honest = new ArrayList<>();
            List<CompletableFuture<Integer>> hostile = new ArrayList<>();
            try (ExecutorService callers = Executors.newFixedThreadPool(20)) {
                for (int i = 0; i < 16; i++) {
                    DataItem item = message(USER, process.id(), "honest " + i);
                    honest.add(CompletableFuture.supplyAsync(() -> postSu(item.raw()).extract().statusCode(), callers));
                    if (i % 4 == 0) {
                        hostile.add(CompletableFuture.supplyAsync(
                                () -> assign(process.id(), elsewhere.id(), tooMany).extract().statusCode(), callers));
                    }
                }
                for (CompletableFuture<Integer> status : honest) {
                    assertEquals(200, status.join(), "every honest message racing the attack is answered");
                }
                for (CompletableFuture<Integer> status : hostile) {
                    assertEquals(400, status.join(), "every hostile assign is refused");
                }
            }
            assign(process.id(), elsewhere.id(), tooMany).statusCode(400).body("error", containsString("exclude"));
            assign(process.id(), elsewhere.id(), tooLong).statusCode(400).body("error", containsString("exclude"));
            assign(process.id(), elsewhere.id(), "Data,Owner-Of-Everything").statusCode(400)
                    .body("error", containsString("exclude may name only"));
            assign(process.id(), elsewhere.id(), "Data,Data").statusCode(400).body("error", containsString("more than once"));
            // The honest path: a known field, once.
            assign(process.id(), elsewhere.id(), "Data,Tags").statusCode(200);
            given().queryParam("limit", 100).when().get("/su/" + process.id()).then().statusCode(200)
                    .body("edges", hasSize(18));
        });
    }

    /** H5: a negative limit made SQLite read the whole log; limits outside 1..max are now refused with 400. */
    @Test
    void pageLimitsOutsideOneToTheMaximumAreRefused() throws Exception {
        DataItem process = spawned();
        postSu(message(USER, process.id(), "one").raw()).statusCode(200);
        for (String limit : List.of("-2", "0", "10001", "99999999999", "many", "1.5")) {
            given().queryParam("limit", limit).when().get("/su/" + process.id()).then().statusCode(400)
                    .body("error", containsString("limit must be a whole number from 1 to 10000"));
        }
        given().queryParam("limit", 1).when().get("/su/" + process.id()).then().statusCode(200)
                .body("edges", hasSize(1)).body("page_info.has_next_page", equalTo(true));
        given().queryParam("limit", 10000).when().get("/su/" + process.id()).then().statusCode(200)
                .body("edges", hasSize(2)).body("page_info.has_next_page", equalTo(false));
    }

    /**
     * H5: a page is capped in bytes too (the attack node sets ao4j.su.max-page-bytes to 64 KiB), so a page of
     * large messages cannot load limit × 10 MiB; a reader following has_next_page still gets every slot.
     */
    @Test
    void aPageOfLargeMessagesStopsAtTheByteCapAndPagingStillReadsEverySlot() throws Exception {
        DataItem process = spawned();
        List<String> ids = new ArrayList<>(List.of(process.id()));
        for (int i = 0; i < 5; i++) {
            DataItem large = message(USER, process.id(), String.valueOf((char) ('a' + i)).repeat(40_000));
            postSu(large.raw()).statusCode(200);
            ids.add(large.id());
        }
        List<String> read = new ArrayList<>();
        String from = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            var request = given().queryParam("limit", 1000);
            if (from != null) {
                request = request.queryParam("from", from);
            }
            JsonPath page = request.when().get("/su/" + process.id()).then().statusCode(200).extract().jsonPath();
            List<String> pageIds = page.getList("edges.node.message.id");
            assertTrue(pageIds.size() <= 2, "a 64 KiB page holds at most one 40 KB message after another: " + pageIds.size());
            read.addAll(pageIds);
            List<String> cursors = page.getList("edges.cursor");
            if (!cursors.isEmpty()) {
                from = cursors.getLast();
            }
            more = page.getBoolean("page_info.has_next_page");
            assertTrue(++pages < 20, "paging ends");
        }
        assertEquals(ids, read);
    }

    /**
     * H4: a push is public before it arrives (its content is in the sender's results), so a stranger can sign a
     * copy and push it first. The SU's push dedupe keys on the signer too, so the copy takes its own slot and
     * the genuine push still gets one; the genuine pusher's re-signed retry is still recognised.
     */
    @Test
    void aStrangersCopyOfAPushCannotMakeTheGenuinePushADuplicate() throws Exception {
        DataItem process = spawned();
        Wallet messenger = Wallets.generate(WalletType.RSA); // RSA-PSS: a re-signed retry gets a new id
        Tag[] pushTags = {new Tag("From-Process", "s".repeat(43)), new Tag("Pushed-For", "f".repeat(43)),
                new Tag("Reference", "7")};
        DataItem forged = message(ATTACKER, process.id(), "Credit-Notice", pushTags);
        DataItem genuine = message(messenger, process.id(), "Credit-Notice", pushTags);
        DataItem retry = message(messenger, process.id(), "Credit-Notice", pushTags);
        assertTrue(!genuine.id().equals(retry.id()), "the retry is a new signature");

        postSu(forged.raw()).statusCode(200).body("id", equalTo(forged.id()));
        postSu(genuine.raw()).statusCode(200).body("id", equalTo(genuine.id()));
        postSu(retry.raw()).statusCode(200).body("id", equalTo(genuine.id()));
        given().queryParam("limit", 100).when().get("/su/" + process.id()).then().statusCode(200)
                .body("edges", hasSize(3))
                .body("edges[2].node.message.id", equalTo(genuine.id()))
                .body("edges[2].node.message.owner.address", equalTo(messenger.address()));
    }
}
