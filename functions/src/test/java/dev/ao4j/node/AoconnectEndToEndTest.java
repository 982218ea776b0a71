package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.testing.Compat;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The official client end to end: compat/scripts/aoconnect-e2e.cjs runs aoconnect 0.0.98 (legacy mode, MU_URL /
 * CU_URL / GATEWAY_URL from urls.json, a fresh Arweave JWK) against the whole node with the real aos 2.0.6
 * module. Each scenario is one test, so a failure names it; the script's assertion messages say what the user
 * would have seen.
 */
@QuarkusTest
@TestProfile(NodeUpProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class AoconnectEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    NodeWiring node;

    private JsonNode scenario(String name) throws Exception {
        NodeUrls urls = node.announce();
        Map<String, String> env = Map.of(
                "MU_URL", urls.mu(), "CU_URL", urls.cu(), "GATEWAY_URL", urls.gateway(),
                "AO_MODULE", urls.modules().get(ModuleCatalog.DEFAULT_MODULE),
                "AO_SCHEDULER", urls.scheduler(), "AO_AUTHORITY", urls.authority());
        Compat.NodeResult result = Compat.runNode(List.of(), Compat.compatDir().resolve("scripts/aoconnect-e2e.cjs"),
                List.of(name), env, null, 600).requireSuccess();
        return JSON.readTree(result.stdout());
    }

    @Test
    @Order(1)
    void spawnEvalMessageResultResultsPagingDryRunAndAnErrorResult() throws Exception {
        JsonNode seen = scenario("basics");
        assertTrue(seen.get("resultsSeen").asInt() >= 7, seen.toString());
    }

    @Test
    @Order(2)
    void tokenTransferNoticesArriveByCrankingAndAssignDeliversToAnotherProcess() throws Exception {
        JsonNode seen = scenario("token");
        assertEquals("90", seen.get("balanceDryrunData").asText(), "the sender's balance after sending 10 of 100");
    }

    @Test
    @Order(3)
    void monitorCranksWhatACronProcessSends() throws Exception {
        assertTrue(scenario("cron").get("tocks").asInt() >= 1);
    }

    @Test
    @Order(4)
    void unknownProcessesAndModulesAreRefused() throws Exception {
        assertEquals(3, scenario("refusals").get("refused").asInt());
    }

    @Test
    @Order(5)
    void operatorMetricsCountedTheTraffic() throws Exception {
        String base = node.urls().gateway();
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(sum(metrics, "ao4j_mu_messages_accepted_total") >= 10, "the MU counted the items it accepted");
        assertTrue(sum(metrics, "ao4j_su_messages_sequenced_total") >= 10, "the SU counted the slots it gave");
        assertTrue(sum(metrics, "ao4j_cu_evaluation_seconds_count") >= 10, "the CU timed each evaluation");
        assertTrue(sum(metrics, "ao4j_mu_steps_cranked_total") >= 2, "the MU counted its crank steps");
        assertTrue(metrics.contains("ao4j_mu_queue_depth"), "the MU queue depth is a gauge");
    }

    private static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(2));
        }
        return total;
    }
}
