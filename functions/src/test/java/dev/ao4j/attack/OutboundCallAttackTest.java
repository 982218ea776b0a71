package dev.ao4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.node.NodeWiring;
import dev.ao4j.testing.Await;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2, server-side request forgery through Scheduler-Location: anyone can POST /tx a Scheduler-Location of their own
 * wallet naming any URL, and a Process naming that wallet as its Scheduler; the MU (POST /mu) and the CU
 * (GET /cu/result) then call that URL. Each test performs the attack through the node's HTTP API against a small
 * server on loopback that records every request and answers a marker body, and checks that the node refuses
 * without calling it, or calls only what the outbound policy allows, and never passes the marker back.
 * AttackNodeProfile allows the host name {@code localhost} (but not the address 127.0.0.1), standing in for a
 * public host that answers or redirects.
 */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class OutboundCallAttackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MARKER = "MARKER-internal-secret-7f3a";

    @TestHTTPResource("/")
    URL root;

    @Inject
    NodeWiring node;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer internal;
    private int port;

    record Answer(int status, String body) {}

    @BeforeEach
    void startInternalService() throws IOException {
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        internal.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().startsWith("/hop")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/internal");
                exchange.sendResponseHeaders(307, -1);
                exchange.close();
                return;
            }
            byte[] body = ("<html>" + MARKER + "</html>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(501, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        internal.start();
        port = internal.getAddress().getPort();
    }

    @AfterEach
    void stopInternalService() {
        internal.stop(0);
    }

    @Test
    void aSchedulerLocationOnLoopbackIsNeitherCalledByTheMuNorByTheCu() throws Exception {
        Wallet attacker = Wallets.generate(WalletType.ED25519);
        publishLocation(attacker, "http://127.0.0.1:" + port + "/internal");
        String process = uploadProcess(attacker);

        Answer message = post("/mu", message(attacker, process).raw());
        assertRefusedWithoutReflection(message, 502);

        Answer spawn = post("/mu", processItem(attacker).raw());
        assertRefusedWithoutReflection(spawn, 502);

        Answer result = get("/cu/result/" + randomId() + "?process-id=" + process);
        assertRefusedWithoutReflection(result, 502);

        assertEquals(List.of(), requests, "nothing reached the internal service");
    }

    @Test
    void cloudMetadataAndOtherSchemesAreNotCalledEither() throws Exception {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://[::1]:" + port + "/internal",
                "http://[::ffff:127.0.0.1]:" + port + "/internal", "http://0.0.0.0:" + port + "/internal",
                "file:///etc/passwd", "http://127.0.0.1:" + root.getPort() + "/mu")) {
            Wallet attacker = Wallets.generate(WalletType.ED25519);
            publishLocation(attacker, url);
            String process = uploadProcess(attacker);
            assertRefusedWithoutReflection(post("/mu", message(attacker, process).raw()), 502);
            assertRefusedWithoutReflection(get("/cu/result/" + randomId() + "?process-id=" + process), 502);
        }
        assertEquals(List.of(), requests, "nothing reached the internal service");
    }

    @Test
    void aRedirectFromAnAllowedHostToLoopbackIsNotFollowed() throws Exception {
        Wallet attacker = Wallets.generate(WalletType.ED25519);
        publishLocation(attacker, "http://localhost:" + port + "/hop");
        String process = uploadProcess(attacker);

        assertRefusedWithoutReflection(post("/mu", message(attacker, process).raw()), 502);
        assertRefusedWithoutReflection(get("/cu/result/" + randomId() + "?process-id=" + process), 502);

        assertFalse(requests.isEmpty(), "the allowed host was asked");
        assertTrue(requests.stream().allMatch(r -> r.endsWith("/hop") || r.contains("/hop/") || r.contains("/hop?")),
                "only the allowed host's own URLs were asked, never the redirect's target: " + requests);
    }

    @Test
    void anAllowedSusErrorAnswerIsNotPassedOn() throws Exception {
        Wallet attacker = Wallets.generate(WalletType.ED25519);
        publishLocation(attacker, "http://localhost:" + port + "/internal");
        String process = uploadProcess(attacker);

        assertRefusedWithoutReflection(post("/mu", message(attacker, process).raw()), 502);
        assertRefusedWithoutReflection(get("/cu/result/" + randomId() + "?process-id=" + process), 502);
        assertFalse(requests.isEmpty(), "the allowed host was asked and answered 501 with the marker");
    }

    @Test
    void theHonestPathThroughTheNodesOwnSuStillWorks() throws Exception {
        Wallet user = Wallets.generate(WalletType.ED25519);
        String su = JSON.readTree(get("/su").body()).get("address").asText();
        String mu = JSON.readTree(get("/mu/info").body()).get("address").asText();
        String module = node.modules().get("aos-2.0.4-wasm32");
        DataItem spawn = DataItem.sign(user, null, anchor(), List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Variant", "ao.TN.1"), new Tag("Type", "Process"), new Tag("Module", module),
                new Tag("Scheduler", su), new Tag("Authority", mu)), "honest".getBytes(StandardCharsets.UTF_8));
        assertEquals(202, post("/mu", spawn.raw()).status());
        Answer sent = post("/mu", message(user, spawn.id()).raw());
        assertEquals(202, sent.status(), sent.body());
        String id = JSON.readTree(sent.body()).get("id").asText();
        Await.until("the honest message's result", Duration.ofMinutes(2), Duration.ofMillis(250),
                () -> get("/cu/result/" + id + "?process-id=" + spawn.id()).status() == 200);
    }

    private void assertRefusedWithoutReflection(Answer answer, int status) throws Exception {
        assertEquals(status, answer.status(), answer.body());
        assertFalse(answer.body().contains(MARKER), "the internal service's body is not passed on: " + answer.body());
        assertFalse(answer.body().matches("(?s).*\\b501\\b.*"), "nor its status: " + answer.body());
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertTrue(error != null && error.asText().contains("SU at"), "a short message naming the unit: " + answer.body());
    }

    private void publishLocation(Wallet scheduler, String url) throws Exception {
        DataItem location = DataItem.sign(scheduler, null, null, List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Variant", "ao.TN.1"), new Tag("Type", "Scheduler-Location"), new Tag("Url", url),
                new Tag("Time-To-Live", "3600000")), new byte[] {' '});
        assertEquals(200, post("/tx", location.raw()).status());
    }

    private DataItem processItem(Wallet scheduler) throws Exception {
        return DataItem.sign(scheduler, null, anchor(), List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", randomId()), new Tag("Scheduler", scheduler.address())),
                "evil".getBytes(StandardCharsets.UTF_8));
    }

    /** A Process item on the permanent store whose Scheduler is the given wallet; answers its id. */
    private String uploadProcess(Wallet scheduler) throws Exception {
        DataItem process = processItem(scheduler);
        assertEquals(200, post("/tx", process.raw()).status());
        return process.id();
    }

    private static DataItem message(Wallet signer, String process) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Message"), new Tag("Action", "Eval")));
        return DataItem.sign(signer, process, anchor(), tags, "return 1".getBytes(StandardCharsets.UTF_8));
    }

    private Answer post(String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        String base = root.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static byte[] anchor() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64Url.encode(random).getBytes(StandardCharsets.US_ASCII);
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }
}
