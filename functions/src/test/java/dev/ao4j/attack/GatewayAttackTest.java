package dev.ao4j.attack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ao4j.arweave.ans104.Bundle;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attacks through the gateway's routes: stored scripts, and requests that cost the node far more than the caller. */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class GatewayAttackTest {
    static final Wallet UPLOADER = Wallets.generate(WalletType.ED25519);

    static DataItem item(String data, Tag... tags) throws Exception {
        List<Tag> all = new ArrayList<>(List.of(tags));
        all.add(new Tag("Attack-Run", UUID.randomUUID().toString()));
        return DataItem.sign(UPLOADER, null, null, all, data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * M7: an uploaded HTML page is served from the node's own origin, where it could script the unit APIs. It keeps
     * its Content-Type but is sandboxed (no scripts, an opaque origin) and never sniffed.
     */
    @Test
    void anUploadedHtmlPageIsServedSandboxedAndUnsniffed() throws Exception {
        DataItem page = item("<html><script>fetch('/mu/monitor/x', {method: 'DELETE'})</script></html>",
                new Tag("Content-Type", "text/html"));
        given().contentType(ContentType.BINARY).body(page.raw()).when().post("/tx/arweave").then().statusCode(200);
        for (String path : List.of("/" + page.id(), "/raw/" + page.id())) {
            given().when().get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", "sandbox")
                    .header("X-Content-Type-Options", "nosniff")
                    .body(containsString("<script>"));
        }
        given().header("Range", "bytes=0-5").when().get("/" + page.id()).then().statusCode(206)
                .header("Content-Security-Policy", "sandbox").header("X-Content-Type-Options", "nosniff");
        given().when().head("/" + page.id()).then().statusCode(200)
                .header("Content-Security-Policy", "sandbox").header("X-Content-Type-Options", "nosniff");
    }

    /** M5: a bundle of thousands of tiny items would cost thousands of signature checks; above the cap: 413. */
    @Test
    void aBundleOfTooManyItemsIsRefusedBeforeAnyIsVerified() throws Exception {
        List<DataItem> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(item(Integer.toString(i)));
        }
        byte[] bare = Bundle.build(many);
        given().contentType(ContentType.BINARY).body(bare).when().post("/tx/arweave").then().statusCode(413)
                .body("error", containsString("more than 1000 items"));
        DataItem wrapped = DataItem.sign(UPLOADER, null, null,
                List.of(new Tag("Bundle-Format", "binary"), new Tag("Bundle-Version", "2.0.0")), bare);
        given().contentType(ContentType.BINARY).body(wrapped.raw()).when().post("/tx").then().statusCode(413);
        given().when().get("/" + many.getFirst().id()).then().statusCode(404); // none was stored
        // Splitting them over nested bundles does not get around the cap: every level counts.
        DataItem firstHalf = DataItem.sign(UPLOADER, null, null, List.of(new Tag("Bundle-Format", "binary"),
                new Tag("Bundle-Version", "2.0.0")), Bundle.build(many.subList(0, 600)));
        DataItem secondHalf = DataItem.sign(UPLOADER, null, null, List.of(new Tag("Bundle-Format", "binary"),
                new Tag("Bundle-Version", "2.0.0")), Bundle.build(many.subList(600, 1001)));
        given().contentType(ContentType.BINARY).body(Bundle.build(List.of(firstHalf, secondHalf)))
                .when().post("/tx/arweave").then().statusCode(413).body("error", containsString("nested bundles included"));
        given().when().get("/" + firstHalf.id()).then().statusCode(404);

        // The honest path: a bundle within the cap.
        DataItem small = DataItem.sign(UPLOADER, null, null,
                List.of(new Tag("Bundle-Format", "binary"), new Tag("Bundle-Version", "2.0.0")), Bundle.build(many.subList(0, 3)));
        given().contentType(ContentType.BINARY).body(small.raw()).when().post("/tx").then().statusCode(200)
                .body("nestedIds", hasSize(3));
        given().contentType(ContentType.BINARY).body(Bundle.build(many.subList(3, 1000))).when().post("/tx/arweave")
                .then().statusCode(200).body("ids", hasSize(997));
    }

    /** M5: one GraphQL request of hundreds of aliased store queries is refused (400) before any runs. */
    @Test
    void aGraphQlQueryOfHundredsOfAliasedStoreQueriesIsRefused() throws Exception {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            query.append(" q").append(i).append(": transactions(first: 100) { edges { node { id tags { name value } } } }");
        }
        given().contentType(ContentType.JSON).body(Map.of("query", query.append(" }").toString()))
                .when().post("/graphql").then().statusCode(400).body("error", containsString("complexity"));

        DataItem honest = item("findable", new Tag("Content-Type", "text/plain"));
        given().contentType(ContentType.BINARY).body(honest.raw()).when().post("/tx/arweave").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "query($ids: [ID!]) { transactions(ids: $ids) { edges { node { id owner { address }"
                        + " tags { name value } block { height } } } } }", "variables", Map.of("ids", List.of(honest.id()))))
                .when().post("/graphql").then().statusCode(200)
                .body("data.transactions.edges[0].node.id", equalTo(honest.id()));
    }
}
