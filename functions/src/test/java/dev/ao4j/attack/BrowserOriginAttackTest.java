package dev.ao4j.attack;

import static dev.ao4j.attack.AttackItems.message;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * M6: a web page may not make its visitors' browsers change the node's state (cross-site request forgery). The
 * browser marks such requests with Sec-Fetch-Site and Origin; aoconnect on node.js and curl send neither.
 */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class BrowserOriginAttackTest {
    static final Wallet USER = Wallets.generate(WalletType.ED25519);
    static final List<Map<String, String>> FOREIGN = List.of(
            Map.of("Sec-Fetch-Site", "cross-site"),
            Map.of("Sec-Fetch-Site", "same-site"),
            Map.of("Origin", "https://evil.example"),
            Map.of("Origin", "null"),
            Map.of("Origin", "http://127.0.0.1.evil.example"));

    @TestHTTPResource("/")
    URL root;

    static int height() {
        return given().when().get("/info").then().statusCode(200).extract().path("height");
    }

    @Test
    void crossSiteWritesAndMiningAreRefused() throws Exception {
        String scheduler = given().when().get("/su").then().statusCode(200).extract().path("address");
        DataItem process = AttackItems.process(USER, scheduler);
        int before = height();
        for (Map<String, String> headers : FOREIGN) {
            given().headers(headers).when().get("/mine").then().statusCode(403)
                    .body("error", containsString("cross-site"));
            given().headers(headers).when().get("/mine/5").then().statusCode(403);
            given().headers(headers).contentType(ContentType.BINARY).body(process.raw()).when().post("/su")
                    .then().statusCode(403);
            given().headers(headers).contentType(ContentType.BINARY).body(process.raw()).when().post("/mu")
                    .then().statusCode(403);
            given().headers(headers).contentType(ContentType.BINARY).body(process.raw()).when().post("/tx/arweave")
                    .then().statusCode(403);
            given().headers(headers).contentType(ContentType.TEXT).body("{}").when().post("/cu/dry-run?process-id=" + process.id())
                    .then().statusCode(403);
            given().headers(headers).contentType(ContentType.BINARY).body(message(USER, process.id(), "").raw())
                    .when().delete("/mu/monitor/" + process.id()).then().statusCode(403);
        }
        given().when().get("/su/processes/" + process.id()).then().statusCode(404); // nothing was written
        given().when().get("/info").then().body("height", equalTo(before)); // nothing was mined
    }

    @Test
    void readsSameOriginPagesAndNonBrowserClientsStillWork() throws Exception {
        String scheduler = given().when().get("/su").then().statusCode(200).extract().path("address");
        // Reads stay open to every page (they change nothing).
        given().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example")
                .when().get("/su").then().statusCode(200);
        // aoconnect on node.js and curl: no browser headers.
        DataItem first = AttackItems.process(USER, scheduler);
        given().contentType(ContentType.BINARY).body(first.raw()).when().post("/su").then().statusCode(200);
        int before = height();
        given().when().get("/mine").then().statusCode(200).body("height", equalTo(before + 1));
        // The node's own pages (same origin), e.g. a UI it serves.
        String own = "http://" + root.getHost() + ":" + root.getPort();
        DataItem second = AttackItems.process(USER, scheduler);
        sameOrigin(own).contentType(ContentType.BINARY).body(second.raw()).when().post("/su").then().statusCode(200);
        sameOrigin(own).when().get("/mine/2").then().statusCode(200).body("height", equalTo(before + 3));
        given().header("Sec-Fetch-Site", "none").when().get("/mine").then().statusCode(200); // typed in the address bar
        // An origin the operator listed in ao4j.http.trusted-origins.
        DataItem third = AttackItems.process(USER, scheduler);
        given().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://app.trusted.example")
                .contentType(ContentType.BINARY).body(third.raw()).when().post("/su").then().statusCode(200);
    }

    static RequestSpecification sameOrigin(String origin) {
        return given().header("Sec-Fetch-Site", "same-origin").header("Origin", origin);
    }
}
