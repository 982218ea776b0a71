package dev.ao4j.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.TestItems;
import dev.ao4j.testing.Compat;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class GatewayResourceTest {
    private static final String NO_SUCH_ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @TestHTTPResource("/")
    URL root;

    private static String upload(DataItem item) {
        return given().contentType(ContentType.BINARY).body(item.raw())
                .when().post("/tx/arweave")
                .then().statusCode(200)
                .body("id", equalTo(item.id()))
                .body("timestamp", notNullValue())
                .extract().path("id");
    }

    @Test
    void anUploadedItemIsServedWithRanges() {
        DataItem item = TestItems.item("0123456789", "Content-Type", "text/plain", "Run", TestItems.unique("serve"));
        String id = upload(item);

        given().when().get("/" + id).then().statusCode(200).contentType(containsString("text/plain")).body(equalTo("0123456789"));
        given().header("Range", "bytes=2-5").when().get("/raw/" + id)
                .then().statusCode(206).header("Content-Range", "bytes 2-5/10").body(equalTo("2345"));
        given().header("Range", "bytes=-3").when().get("/" + id)
                .then().statusCode(206).header("Content-Range", "bytes 7-9/10").body(equalTo("789"));
        given().header("Range", "bytes=10-").when().get("/raw/" + id)
                .then().statusCode(416).header("Content-Range", "bytes */10");
        given().when().head("/" + id).then().statusCode(200).header("Content-Length", "10");
        given().when().head("/" + NO_SUCH_ID).then().statusCode(404);
    }

    @Test
    void txHeaderAndStatus() {
        DataItem item = TestItems.item(TestItems.alice(), TestItems.bob().address(), "tx", "Run", "tx-header");
        String id = upload(item);
        given().when().get("/tx/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("owner", equalTo(Base64Url.encode(item.owner())))
                .body("target", equalTo(TestItems.bob().address()))
                .body("data_size", equalTo("2"))
                .body("tags[0].name", equalTo(Base64Url.encode("Run".getBytes(StandardCharsets.UTF_8))))
                .body("tags[0].value", equalTo(Base64Url.encode("tx-header".getBytes(StandardCharsets.UTF_8))));
        int height = given().when().get("/info").then().extract().path("height");
        given().when().get("/tx/" + id + "/status").then().statusCode(200)
                .body("block_height", equalTo(height))
                .body("number_of_confirmations", equalTo(1))
                .body("block_indep_hash", notNullValue());
    }

    @Test
    void miningAddsBlocksAndConfirmations() {
        String id = upload(TestItems.item("mined", "Run", "mine"));
        int before = given().when().get("/info").then().extract().path("height");
        given().when().get("/mine/3").then().statusCode(200).body("height", equalTo(before + 3));
        given().when().get("/info").then().body("height", equalTo(before + 3));
        given().when().get("/tx/" + id + "/status").then().statusCode(200)
                .body("block_height", equalTo(before))
                .body("number_of_confirmations", equalTo(4));
    }

    @Test
    void unknownIdsAre404WithAnErrorBody() {
        for (String path : List.of("/" + NO_SUCH_ID, "/raw/" + NO_SUCH_ID, "/tx/" + NO_SUCH_ID, "/tx/" + NO_SUCH_ID + "/status")) {
            given().when().get(path).then().statusCode(404).contentType(ContentType.JSON).body("error", containsString(NO_SUCH_ID));
        }
        given().when().get("/block/height/999999").then().statusCode(404).body("error", containsString("999999"));
    }

    @Test
    void anInvalidItemIs400NamingTheProblemAndNothingIsStored() {
        DataItem item = TestItems.item("honest", "Run", "tampered-upload");
        given().contentType(ContentType.BINARY).body(TestItems.tampered(item)).when().post("/tx")
                .then().statusCode(400).body("error", containsString("signature"));
        given().when().get("/" + item.id()).then().statusCode(404);
        given().contentType(ContentType.BINARY).body(new byte[] {7, 7, 7}).when().post("/tx/arweave")
                .then().statusCode(400).body("error", containsString("signatureType"));
    }

    @Test
    void aBundleUploadStoresItsNestedItems() {
        String run = TestItems.unique("bundle-upload");
        DataItem nested = TestItems.item("inside", "Run", run);
        DataItem bundle = TestItems.bundle(List.of(nested));
        given().contentType(ContentType.BINARY).body(bundle.raw()).when().post("/tx/arweave")
                .then().statusCode(200).body("id", equalTo(bundle.id())).body("nestedIds", hasItem(nested.id()));
        given().when().get("/" + nested.id()).then().statusCode(200).body(equalTo("inside"));
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "query($run: String!) { transactions(tags: [{name: \"Run\", values: [$run]}]) { edges { node { id bundledIn { id } } } } }",
                        "variables", Map.of("run", run)))
                .when().post("/graphql").then().statusCode(200)
                .body("data.transactions.edges[0].node.id", equalTo(nested.id()))
                .body("data.transactions.edges[0].node.bundledIn.id", equalTo(bundle.id()));
    }

    @Test
    void graphqlErrorsAre400WithTheParseMessage() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ transactions(ids: [) }"))
                .when().post("/graphql").then().statusCode(400).body("error", containsString("Invalid syntax"));
        given().contentType(ContentType.JSON).body(Map.of("query", "{ blocks { edges { node { colour } } } }"))
                .when().post("/graphql").then().statusCode(400).body("error", containsString("colour"));
    }

    @Test
    void infoAndBlocks() {
        String current = given().when().get("/info").then().statusCode(200)
                .body("network", equalTo(GatewayResource.NETWORK))
                .extract().path("current");
        int height = given().when().get("/info").then().extract().path("height");
        given().when().get("/block/height/" + height).then().statusCode(200)
                .body("indep_hash", equalTo(current))
                .body("height", equalTo(height));
    }

    @Test
    void unitPathsAreNotCapturedByTheGateway() {
        for (String path : List.of("/mu", "/su", "/cu", "/q/health")) {
            String body = given().when().get(path).then().extract().asString();
            assertTrue(!body.contains("transaction ") , path + " answered by the gateway: " + body);
        }
    }

    @Test
    void arweaveJsReadsDataInfoAndGraphql() throws Exception {
        DataItem item = TestItems.item("read by arweave-js", "Content-Type", "text/plain", "Run", "arweave-js");
        String id = upload(item);
        Path script = Path.of("src/test/resources/gateway/arweave-js-client.mjs");
        String base = root.toString().replaceAll("/$", "");
        Compat.NodeResult result = Compat.runNode(List.of(), script, List.of(base, id), null, 60).requireSuccess();
        JsonNode json = new ObjectMapper().readTree(result.stdout());
        assertEquals("read by arweave-js", json.path("data").asText());
        assertEquals(GatewayResource.NETWORK, json.path("info").path("network").asText());
        JsonNode node = json.path("graphql").path("data").path("transactions").path("edges").path(0).path("node");
        assertEquals(id, node.path("id").asText());
        assertEquals(TestItems.alice().address(), node.path("owner").path("address").asText());
        assertEquals("arweave-js", node.path("tags").path(1).path("value").asText());
    }
}
