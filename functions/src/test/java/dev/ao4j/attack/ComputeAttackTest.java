package dev.ao4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.mu.MuClient;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CU's sandbox and bounds, attacked through the node's HTTP API with real aos: endless evaluations, floods,
 * memory declarations and whole-memory downloads. The limits these meet are set low in {@link AttackNodeProfile}.
 */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class ComputeAttackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL root;

    @Inject
    NodeWiring node;

    private MuClient user;
    private String module;

    @BeforeEach
    void user() throws Exception {
        user = new MuClient(root.toString());
        node.announce();
        module = node.modules().get("aos-2.0.4-wasm32");
    }

    private String spawnCounted(Tag... extra) throws Exception {
        String process = user.spawn(module, extra);
        String set = user.eval(process, "Count = 41");
        MuClient.await("the first Eval's result", Duration.ofMinutes(2),
                () -> user.get("/cu/result/" + set + "?process-id=" + process).status() == 200);
        return process;
    }

    private HttpResponse<String> dryRun(String process, String lua) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("Id", "1234").put("Target", process).put("Owner", user.user.address()).put("Data", lua);
        body.putArray("Tags").addObject().put("name", "Action").put("value", "Eval");
        return HTTP.send(HttpRequest.newBuilder(URI.create(root + "cu/dry-run?process-id=" + process))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String output(HttpResponse<String> response) throws Exception {
        JsonNode json = JSON.readTree(response.body());
        JsonNode output = json.path("Output");
        return output.path("data").isTextual() ? output.path("data").asText() : output.asText();
    }

    @Test
    void anEndlessDryRunEndsAtItsDeadlineAndTheProcessKeepsServing() throws Exception {
        String process = spawnCounted();
        HttpResponse<String> endless = dryRun(process, "while true do end");
        assertEquals(422, endless.statusCode(), endless.body());
        assertTrue(JSON.readTree(endless.body()).path("error").asText().contains("did not finish"), endless.body());

        HttpResponse<String> after = dryRun(process, "return Count + 1");
        assertEquals(200, after.statusCode(), after.body());
        assertTrue(output(after).contains("42"), after.body());
        String next = user.eval(process, "Count = Count + 2");
        MuClient.await("a message after the endless dry-run", Duration.ofMinutes(2),
                () -> user.get("/cu/result/" + next + "?process-id=" + process).status() == 200);
        assertTrue(output(dryRun(process, "return Count")).contains("43"), "the dry-run left nothing behind");
    }

    @Test
    void anAnonymousMainnetDryRunThatNeverEndsEndsAtItsDeadline() throws Exception {
        // Anyone may ask a mainnet compute by an unsigned GET (HyperBEAM's read form); the owner's handler spins.
        String process = spawnCounted();
        String handler = user.eval(process, "Handlers.add('spin', Handlers.utils.hasMatchingTag('Action', 'Spin'),"
                + " function () while true do end end)");
        MuClient.await("the Spin handler is installed", Duration.ofMinutes(2),
                () -> user.get("/cu/result/" + handler + "?process-id=" + process).status() == 200);
        URI spin = URI.create(root + process + "~process@1.0/as=execution/compute&Action=Spin");
        HttpResponse<String> endless = HTTP.send(HttpRequest.newBuilder(spin).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, endless.statusCode(), endless.body());
        assertTrue(endless.body().contains("did not finish"), endless.body());

        HttpResponse<String> after = dryRun(process, "return Count + 1");
        assertEquals(200, after.statusCode(), "the process keeps serving: " + after.body());
        assertTrue(output(after).contains("42"), after.body());
    }

    @Test
    void anEndlessScheduledMessageIsNotStoredAndTheProcessStaysBeforeIt() throws Exception {
        String process = spawnCounted();
        String before = user.eval(process, "Count = 50");
        MuClient.await("the message before", Duration.ofMinutes(2),
                () -> user.get("/cu/result/" + before + "?process-id=" + process).status() == 200);
        int stored = user.get("/cu/results/" + process + "?limit=100").json().path("edges").size();
        String endless = user.eval(process, "while true do end");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create(root + "cu/result/" + endless + "?process-id=" + process)).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("did not finish"), answer.body());
        assertNotNull(answer.headers().firstValue("Retry-After").orElse(null), "a 503 says when to come back");

        assertEquals(503, user.get("/cu/result/" + endless + "?process-id=" + process).status(),
                "refused at once until the retry time, not run again");
        assertEquals(200, user.get("/cu/result/" + before + "?process-id=" + process).status(),
                "stored results keep being served");
        assertEquals(stored, user.get("/cu/results/" + process + "?limit=100").json().path("edges").size(),
                "nothing was stored for the endless message");
    }

    @Test
    void aFloodOfEvaluationsIsRefusedWith503InsteadOfQueuedWithoutBound() throws Exception {
        String process = spawnCounted();
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            flood.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return dryRun(process, "while true do end");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> request : flood) {
            HttpResponse<String> answer = request.get();
            if (answer.statusCode() == 503) {
                refused++;
                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "503 with Retry-After");
            } else {
                assertEquals(422, answer.statusCode(), "each admitted endless dry-run ends at its deadline: " + answer.body());
            }
        }
        assertTrue(refused >= 30 - 2 - 2, "at most 2 running and 2 waiting (AttackNodeProfile); refused " + refused);
        HttpResponse<String> after = dryRun(process, "return Count");
        assertEquals(200, after.statusCode(), "the CU serves again once the flood is over: " + after.body());
    }

    @Test
    void aMemoryLimitThatOverflowsALongIsRefusedNotWrapped() throws Exception {
        String process = user.spawn(module, new Tag("Memory-Limit", "99999999999999999999999-gb"));
        MuClient.Answer answer = user.get("/cu/result/" + process + "?process-id=" + process);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("Memory-Limit"), answer.body());
    }

    @Test
    void theWholeMemoryIsServedOnlyUpToTheStateCap() throws Exception {
        String process = spawnCounted();
        MuClient.Answer state = user.get("/cu/state/" + process);
        assertEquals(413, state.status(), "aos holds more than the profile's 1 MiB cap: " + state.body().length());
        assertTrue(state.body().contains("max-state-bytes"), state.body());
    }
}
