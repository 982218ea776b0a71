package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.testing.Compat;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * aoconnect 0.0.98 in {@code MODE: 'mainnet'} (compat/scripts/aoconnect-mainnet.mjs) against the whole node with the
 * real aos 2.0.6 module: spawn, Eval, message then result (an error result too), results, dry-runs, a message from one
 * process to another, an unknown process and a forged signature; then the same process through the legacy client.
 */
@QuarkusTest
@TestProfile(NodeUpProfile.class)
@Tag("slow")
class MainnetEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    NodeWiring node;

    @Test
    void aoconnectInMainnetModeSpawnsMessagesReadsAndDryRunsAndTheLegacyClientReadsTheSameProcess() throws Exception {
        NodeUrls urls = node.announce();
        Map<String, String> env = Map.of("AO_MAINNET_URL", urls.mainnet(),
                "AO_MODULE", urls.modules().get(ModuleCatalog.DEFAULT_MODULE),
                "MU_URL", urls.mu(), "CU_URL", urls.cu(), "GATEWAY_URL", urls.gateway());
        JsonNode seen = JSON.readTree(Compat.runNode(List.of(), Compat.compatDir().resolve("scripts/aoconnect-mainnet.mjs"),
                List.of(), env, null, 600).requireSuccess().stdout());
        String process = seen.get("process").asText();
        assertEquals(process + ":hello", seen.get("pingedBy").asText(), "B saw A's message, from A: " + seen);
        assertEquals("42", seen.get("legacyOutput").asText());
        assertEquals(404, seen.at("/refusals/unknown").asInt());
        assertEquals(400, seen.at("/refusals/forged").asInt());
        assertEquals("42", seen.at("/httpsig/dryRun").asText(), "an ao-core-libs httpsig dry-run ran as its owner");
        assertEquals(400, seen.at("/httpsig/altered").asInt(), "an altered httpsig field is refused");
        assertEquals(urls.scheduler(), urls.authority(), "one node identity: the scheduler is the authority");
    }
}
