package dev.ao4j.mainnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.mu.MuClient;
import dev.ao4j.node.NodeUpProfile;
import dev.ao4j.node.NodeWiring;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mainnet routes with items signed here, as ao-core-libs signs them (the end-to-end run with aoconnect itself is
 * MainnetEndToEndTest): a spawn, a message answered with its slot, results by slot and by id, the current slot,
 * a dry-run whose tags come from the path, and the refusals.
 */
@QuarkusTest
@TestProfile(NodeUpProfile.class)
class MainnetResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    NodeWiring node;

    private final Wallet user = Wallets.generate(WalletType.ED25519);

    @Test
    void aProcessSpawnedAndMessagedThroughTheMainnetRoutesIsReadBySlotByIdAndByDryRun() throws Exception {
        node.announce();
        String scheduler = get("~meta@1.0/info/address").body();
        assertEquals(scheduler, JSON.readTree(get("~meta@1.0/info").body()).get("address").asText());

        DataItem spawn = item(null, "Process", "1984", new Tag("Module", node.modules().get("aos-2.0.4-wasm32")),
                new Tag("Scheduler", scheduler), new Tag("Authority", node.urls().authority()),
                new Tag("device", "process@1.0"), new Tag("execution-device", "genesis-wasm@1.0"));
        HttpResponse<String> spawned = post("push", spawn);
        assertEquals(200, spawned.statusCode(), spawned.body());
        assertEquals(spawn.id(), spawned.headers().firstValue("process").orElse(null), "the item is the process");
        String process = spawn.id();

        DataItem eval = item(process, "Message", "Answer = 6 * 7", new Tag("Action", "Eval"));
        HttpResponse<String> pushed = post(process + "~process@1.0/push", eval);
        assertEquals(200, pushed.statusCode(), pushed.body());
        JsonNode receipt = JSON.readTree(pushed.body());
        assertEquals(1, receipt.get("slot").asLong());
        assertEquals(eval.id(), receipt.get("id").asText());

        JsonNode bySlot = JSON.readTree(post(process + "~process@1.0/compute/results=1", read(process)).body());
        JsonNode byId = JSON.readTree(post(process + "/compute/results=" + eval.id(), read(process)).body());
        assertEquals(bySlot.get("raw"), byId.get("raw"));
        assertTrue(bySlot.at("/raw/Messages").isArray(), bySlot.toString());
        assertEquals("1", post(process + "/slot/current", read(process)).body());

        HttpResponse<String> dry = post(process + "~process@1.0/as=execution/compute&Action=Eval&Note=a%26b+c",
                item(process, "Message", "return Answer .. ' ' .. ao.id", new Tag("Action", "Ignored")));
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(JSON.readTree(dry.body()).at("/raw/Output/data").asText().startsWith("42 " + process), dry.body());
        assertEquals("1", post(process + "/slot/current", read(process)).body(), "a dry-run takes no slot");

        // The legacy CU serves the same process.
        MuClient legacy = new MuClient(root.toString());
        MuClient.await("the legacy result", Duration.ofSeconds(30),
                () -> legacy.result(eval.id(), process).has("Output"));
    }

    @Test
    void forgedUnknownAndMisroutedItemsAreRefusedWithoutASlot() throws Exception {
        DataItem message = item("U".repeat(43), "Message", "x", new Tag("Action", "Eval"));
        assertEquals(404, post("U".repeat(43) + "~process@1.0/push", message).statusCode(), "an unknown process");

        byte[] forged = item("U".repeat(43), "Message", "x").raw();
        forged[2 + 10] ^= 1;
        assertEquals(400, post("U".repeat(43) + "~process@1.0/push", forged).statusCode(), "a forged signature");
        assertEquals(400, post("U".repeat(43) + "/slot/current", forged).statusCode(), "reads verify too");
        assertEquals(400, post("push", message).statusCode(), "a Message is not a spawn");
        assertEquals(400, post("V".repeat(43) + "~process@1.0/push", message).statusCode(),
                "the target must be the process in the path");
        assertEquals(400, post("push", new byte[0]).statusCode(), "an empty body (no ANS-104 item)");
        assertEquals(400, post("U".repeat(43) + "~process@1.0/as=execution/compute&NoValue", message).statusCode(),
                "a path tag without a value");
    }

    /**
     * A request signed by {@code @permaweb/ao-core-libs} itself as an HTTP message (RFC 9421, recorded in the
     * arweave-adapter's test resources): it passes the signature check and reaches the route, which finds no such
     * process; the same request with a signed field changed is refused as forged.
     */
    @Test
    void httpMessageSignaturesAreVerifiedAndAnHttpSignedPushIsRefusedWithItsReason() throws Exception {
        JsonNode fixture = JSON.readTree(Files.readString(Path.of("../arweave-adapter/src/test/resources/httpsig/ao-core-libs-dry-run.json")));
        String path = URI.create(fixture.get("url").asText()).getRawPath().substring(1);

        HttpResponse<String> signed = send(path, fixture.get("headers"), Map.of());
        assertEquals(404, signed.statusCode(), "verified, then no such process: " + signed.body());
        assertTrue(signed.body().contains("not found"), signed.body());

        HttpResponse<String> tampered = send(path, fixture.get("headers"), Map.of("action", "Eval"));
        assertEquals(400, tampered.statusCode(), tampered.body());
        assertTrue(tampered.body().contains("HTTP message signature refused"), tampered.body());

        String process = "P".repeat(43);
        HttpResponse<String> push = send(process + "~process@1.0/push", fixture.get("headers"), Map.of());
        assertEquals(400, push.statusCode(), push.body());
        assertTrue(push.body().contains("ANS-104"), push.body());

        assertEquals(404, get(process + "/slot/current").statusCode(), "an unsigned GET of a read route is served");
        assertEquals(404, get(process + "~process@1.0/now").statusCode());
    }

    private HttpResponse<String> send(String path, JsonNode headers, Map<String, String> replaced) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).POST(HttpRequest.BodyPublishers.noBody());
        headers.fields().forEachRemaining(h -> request.header(h.getKey(), replaced.getOrDefault(h.getKey(), h.getValue().asText())));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private DataItem item(String target, String type, String data, Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(extra));
        tags.add(new Tag("signing-format", "ans104"));
        tags.add(new Tag("Data-Protocol", "ao"));
        tags.add(new Tag("Type", type));
        tags.add(new Tag("Variant", "ao.N.1"));
        return DataItem.sign(user, target, MuClient.anchor(), tags, data.getBytes(StandardCharsets.UTF_8));
    }

    /** What aoconnect posts for a read: an item with data "1984" and the process as target. */
    private DataItem read(String process) throws Exception {
        return item(process, "Message", "1984");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, DataItem item) throws Exception {
        return post(path, item.raw());
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/ans104")
                .header("codec-device", "ans104@1.0").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
