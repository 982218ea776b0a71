package dev.ao4j.cu;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.testing.Compat;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CU's HTTP API in the node, read by the reference client (aoconnect 0.0.98) and checked for AO's JSON
 * shapes and error codes: a real aos process spawned through the node's SU.
 */
@QuarkusTest
@TestProfile(CuTestProfile.class)
class ComputeResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Wallet USER = Wallets.generate(WalletType.ED25519);

    @TestHTTPResource("/")
    URL root;

    @Inject
    Permastore permastore;

    @Inject
    SchedulerService scheduler;

    private String module(String format, String memoryLimit) throws Exception {
        DataItem module = DataItem.sign(USER, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Module"),
                new Tag("Module-Format", format), new Tag("Input-Encoding", "JSON-1"), new Tag("Output-Encoding", "JSON-1"),
                new Tag("Memory-Limit", memoryLimit), new Tag("Compute-Limit", "9000000000000")),
                Files.readAllBytes(Compat.module("aos2_0_4_32.wasm")));
        permastore.put(module);
        return module.id();
    }

    private String post(DataItem item) {
        return given().contentType(ContentType.BINARY).body(item.raw()).when().post("/su")
                .then().statusCode(200).extract().path("id");
    }

    private String spawn(String module, Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", module), new Tag("Scheduler", scheduler.address())));
        tags.addAll(List.of(extra));
        return post(DataItem.sign(USER, null, null, tags, "x".getBytes(StandardCharsets.UTF_8)));
    }

    private String send(String process, String data, String action) throws Exception {
        return post(DataItem.sign(USER, process, AosWorld.anchor(), List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Message"), new Tag("Action", action)), data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aoconnectReadsResultsResultListsAndDryRuns() throws Exception {
        String process = spawn(module("wasm32-unknown-emscripten4", "1-gb"));
        send(process, AosWorld.COUNTER, "Eval");
        send(process, "", "Inc");
        String second = send(process, "", "Inc");

        given().when().get("/cu/").then().statusCode(200).body("address", notNullValue()).body("timestamp", notNullValue());

        Map<String, String> input = Map.of("cu", root.toString() + "cu", "process", process, "message", second,
                "owner", USER.address());
        JsonNode out = JSON.readTree(Compat.runNode(List.of(), Path.of("src/test/resources/cu/aoconnect-cu.cjs").toAbsolutePath(),
                List.of(), JSON.writeValueAsBytes(input), 120).requireSuccess().stdout());
        assertEquals("2", out.at("/result/Messages/0/Data").asText(), out.toString());
        assertEquals(4, out.at("/results/edges").size(), "spawn, Eval and two Inc");
        assertTrue(out.at("/results/edges/0/cursor").isTextual());
        assertTrue(out.at("/dryrun/Output").toString().contains("2"), out.toString());

        given().when().get("/cu/results/" + process + "?limit=1&sort=DESC").then().statusCode(200)
                .body("pageInfo.hasNextPage", equalTo(true)).body("edges[0].node.Messages[0].Data", equalTo("2"));

        byte[] memory = given().when().get("/cu/state/" + process).then().statusCode(200)
                .header("Last-Ordinate", "3").contentType(containsString("application/octet-stream"))
                .extract().asByteArray();
        assertTrue(memory.length > 100 << 20, "the raw aos memory, over 100 MB");

        JsonNode attestation = JSON.readTree(given().when().get("/cu/result/" + second + "/attestation?process-id=" + process)
                .then().statusCode(200).extract().asString());
        DataItem item = DataItem.parse(Base64Url.decode(attestation.get("item").asText()));
        assertTrue(item.verify());
        assertEquals(second, item.tag("Message").orElseThrow());
        assertEquals(attestation.get("memorySha256").asText(), item.tag("Memory-SHA-256").orElseThrow());

        given().when().get("/cu/cron/" + process).then().statusCode(200).body("edges.size()", equalTo(0));
    }

    @Test
    void limitsAboveTheMaximaAre413AndUnknownFormats422() throws Exception {
        String tooBig = spawn(module("wasm32-unknown-emscripten4", "2-gb"));
        given().when().get("/cu/result/" + tooBig + "?process-id=" + tooBig).then().statusCode(413)
                .body("error", containsString("Memory-Limit"));
        String unknown = spawn(module("wasm99-unknown", "1-gb"));
        given().when().get("/cu/result/" + unknown + "?process-id=" + unknown).then().statusCode(422)
                .body("error", containsString("Module-Format"));
        given().when().get("/cu/result/nope?process-id=" + unknown).then().statusCode(400);
    }
}
