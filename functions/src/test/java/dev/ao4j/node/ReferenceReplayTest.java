package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.testing.Compat;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Processes spawned and driven through the node with the official client are recomputed independently, as AO's
 * reference CU would: compat/scripts/reference-replay.cjs reads only the node's SU and gateway, builds each
 * msg and env as AO's CU does, and evaluates with @permaweb/ao-loader. For every slot, ao4j's CU must give the
 * same result, and its attestation must state the SHA-256 of the same whole memory.
 */
@Tag("slow")
@QuarkusTest
@TestProfile(AttestEveryMessageProfile.class)
class ReferenceReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

    @Inject
    NodeWiring node;

    @Test
    void everySlotOfNodeSpawnedProcessesMatchesAnIndependentReferenceReplay() throws Exception {
        NodeUrls urls = node.announce();
        Map<String, String> env = Map.of(
                "MU_URL", urls.mu(), "CU_URL", urls.cu(), "GATEWAY_URL", urls.gateway(),
                "AO_MODULE", urls.modules().get(ModuleCatalog.DEFAULT_MODULE),
                "AO_SCHEDULER", urls.scheduler(), "AO_AUTHORITY", urls.authority());
        JsonNode seen = JSON.readTree(Compat.runNode(List.of(), Compat.compatDir().resolve("scripts/aoconnect-e2e.cjs"),
                List.of("exactness"), env, null, 600).requireSuccess().stdout());
        assertEquals(20, seen.get("pairsOrder").asText().split(",").length, seen.toString());

        int slots = 0;
        for (JsonNode process : seen.get("processes")) {
            String pid = process.asText();
            JsonNode replay = JSON.readTree(Compat.runNode(List.of("--experimental-wasm-memory64"),
                    Compat.compatDir().resolve("scripts/reference-replay.cjs"),
                    List.of(urls.su(), urls.gateway(), pid), null, 600).requireSuccess().stdout());
            assertFalse(replay.isEmpty());
            for (JsonNode slot : replay) {
                String id = slot.get("id").asText();
                String where = "process " + pid + " slot " + slot.get("nonce") + " (" + id + ")";
                JsonNode result = get(urls.cu() + "/result/" + id + "?process-id=" + encode(pid));
                for (String key : List.of("Messages", "Assignments", "Spawns", "Output", "Error")) {
                    JsonNode want = slot.get(key);
                    JsonNode got = result.get(key);
                    boolean same = want == null ? got == null : got != null && want.equals(NUMBERS_BY_VALUE, got);
                    assertTrue(same, where + " " + key + "\nreference: " + want + "\nao4j:      " + got);
                }
                JsonNode attestation = get(urls.cu() + "/result/" + id + "/attestation?process-id=" + encode(pid));
                assertNotNull(slot.get("Memory-SHA-256"), where);
                assertEquals(slot.get("Memory-SHA-256").asText(), attestation.path("memorySha256").asText(),
                        where + ": the attested memory hash is the reference loader's");
                slots++;
            }
        }
        assertTrue(slots >= 8, "both processes were replayed slot by slot (6 of the sender, 2 of the receiver): " + slots);
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
