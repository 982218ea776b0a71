package dev.ao4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ao4j.mu.MuClient;
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
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private static final String MARKER = "MARKER-internal-secret-7f3a";

    @TestHTTPResource("/")
    URL root;

    @Inject
    NodeWiring node;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer internal;
    private int port;

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
        AttackUser attacker = new AttackUser(root);
        attacker.publishLocation("http://127.0.0.1:" + port + "/internal");
        String process = attacker.uploadProcessOnOwnScheduler();

        assertRefusedWithoutReflection(attacker.post("/mu", attacker.message(process, "Eval", "return 1").raw()));
        assertRefusedWithoutReflection(attacker.post("/mu", attacker.processOnOwnScheduler().raw()));
        assertRefusedWithoutReflection(attacker.get("/cu/result/" + AttackUser.randomId() + "?process-id=" + process));

        assertEquals(List.of(), requests, "nothing reached the internal service");
    }

    @Test
    void cloudMetadataAndOtherSchemesAreNotCalledEither() throws Exception {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://[::1]:" + port + "/internal",
                "http://[::ffff:127.0.0.1]:" + port + "/internal", "http://0.0.0.0:" + port + "/internal",
                "file:///etc/passwd", "http://127.0.0.1:" + root.getPort() + "/mu")) {
            AttackUser attacker = new AttackUser(root);
            attacker.publishLocation(url);
            String process = attacker.uploadProcessOnOwnScheduler();
            assertRefusedWithoutReflection(attacker.post("/mu", attacker.message(process, "Eval", "return 1").raw()));
            assertRefusedWithoutReflection(attacker.get("/cu/result/" + AttackUser.randomId() + "?process-id=" + process));
        }
        assertEquals(List.of(), requests, "nothing reached the internal service");
    }

    @Test
    void aRedirectFromAnAllowedHostToLoopbackIsNotFollowed() throws Exception {
        AttackUser attacker = new AttackUser(root);
        attacker.publishLocation("http://localhost:" + port + "/hop");
        String process = attacker.uploadProcessOnOwnScheduler();

        assertRefusedWithoutReflection(attacker.post("/mu", attacker.message(process, "Eval", "return 1").raw()));
        assertRefusedWithoutReflection(attacker.get("/cu/result/" + AttackUser.randomId() + "?process-id=" + process));

        assertFalse(requests.isEmpty(), "the allowed host was asked");
        assertTrue(requests.stream().allMatch(r -> r.contains(" /hop")),
                "only the allowed host's own URLs were asked, never the redirect's target: " + requests);
    }

    @Test
    void anAllowedSusErrorAnswerIsNotPassedOn() throws Exception {
        AttackUser attacker = new AttackUser(root);
        attacker.publishLocation("http://localhost:" + port + "/internal");
        String process = attacker.uploadProcessOnOwnScheduler();

        assertRefusedWithoutReflection(attacker.post("/mu", attacker.message(process, "Eval", "return 1").raw()));
        assertRefusedWithoutReflection(attacker.get("/cu/result/" + AttackUser.randomId() + "?process-id=" + process));
        assertFalse(requests.isEmpty(), "the allowed host was asked and answered 501 with the marker");
    }

    @Test
    void theHonestPathThroughTheNodesOwnSuStillWorks() throws Exception {
        AttackUser user = new AttackUser(root);
        String process = user.spawnAos(node.modules().get("aos-2.0.4-wasm32"));
        String id = user.send(process, "Eval", "return 1");
        Await.until("the honest message's result", Duration.ofMinutes(2), Duration.ofMillis(250),
                () -> user.get("/cu/result/" + id + "?process-id=" + process).status() == 200);
    }

    /** The node's own 502 naming the SU, with nothing of the internal service's answer. */
    private static void assertRefusedWithoutReflection(MuClient.Answer answer) throws Exception {
        assertEquals(502, answer.status(), answer.body());
        assertFalse(answer.body().contains(MARKER), "the internal service's body is not passed on: " + answer.body());
        assertFalse(answer.body().matches("(?s).*\\b501\\b.*"), "nor its status: " + answer.body());
        JsonNode error = answer.json().get("error");
        assertTrue(error != null && error.asText().contains("SU at"), "a short message naming the unit: " + answer.body());
    }
}
