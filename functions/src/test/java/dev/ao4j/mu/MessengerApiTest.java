package dev.ao4j.mu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.mu.queue.embedded.EmbeddedQueueConnector;
import dev.ao4j.testing.AosModules;
import dev.ao4j.testing.Await;
import dev.ao4j.testing.NodeTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MU's HTTP API on a whole node with real aos processes: AO's answers, a message pushed by the MU from one
 * process's outbox to another (MU-signed, with AO's tags), and what a caller sees for bad input — in which case
 * nothing reaches any log.
 */
@QuarkusTest
@TestProfile(NodeTestProfile.class)
class MessengerApiTest {
    static final String RELAY = """
            Handlers.add("relay", Handlers.utils.hasMatchingTag("Action", "Relay"), function (msg)
              ao.send({ Target = msg.Tags.To, Action = "Note", Data = msg.Data, Colour = "blue" })
            end)
            """;

    @TestHTTPResource("/")
    URL base;

    @Inject
    @Connector(EmbeddedQueueConnector.NAME)
    EmbeddedQueueConnector queue;

    @Inject
    Permastore permastore;

    static String module;
    MuClient client;

    @BeforeEach
    void setUp() throws Exception {
        client = new MuClient(base.toString());
        if (module == null) {
            DataItem item = AosModules.item(client.user, AosModules.AOS_32, AosModules.AOS_32_FORMAT);
            permastore.put(item);
            module = item.id();
        }
    }

    @Test
    void getAnswersAosText() throws Exception {
        MuClient.Answer answer = client.get("/mu");
        assertEquals(200, answer.status());
        assertEquals("ao messenger unit", answer.body());
    }

    @Test
    void anOutboxMessageIsSignedByTheMuAndPushedToItsTargetWithAosTags() throws Exception {
        String a = client.spawn(module);
        String b = client.spawn(module);
        client.eval(a, RELAY);
        DataItem relay = client.message(a, "hello b", new Tag("Action", "Relay"), new Tag("To", b));
        MuClient.Answer answer = client.post("/mu", relay.raw());
        assertEquals(202, answer.status(), answer.body());
        assertEquals("Processing DataItem", answer.json().get("message").asText());
        assertEquals(relay.id(), answer.json().get("id").asText());

        MuClient.await("the note in b's log", Duration.ofSeconds(60), () -> !client.logged(b, "Action", "Note").isEmpty());
        List<MuClient.Entry> notes = client.logged(b, "Action", "Note");
        assertEquals(1, notes.size());
        MuClient.Entry note = notes.get(0);
        assertEquals("hello b", note.data());
        assertEquals(client.muAddress(), note.owner(), "signed by the MU wallet");
        assertEquals(a, note.tag("From-Process"));
        assertEquals(module, note.tag("From-Module"));
        assertEquals(relay.id(), note.tag("Pushed-For"));
        assertEquals("Message", note.tag("Type"));
        assertEquals("ao", note.tag("Data-Protocol"));
        assertEquals("blue", note.tag("Colour"));
        assertEquals(1, note.tags().stream().filter(t -> t.name().equals("Type")).count(), "one Type tag");

        JsonNode result = client.result(note.id(), b);
        assertTrue(result.has("Messages"), result.toString());
    }

    @Test
    void badInputIsAClearClientErrorAndNothingIsQueued() throws Exception {
        String p = client.spawn(module);
        int before = client.log(p).size();

        MuClient.Answer empty = client.post("/mu", new byte[0]);
        assertEquals(400, empty.status());
        assertTrue(empty.json().get("error").asText().contains("signed ANS-104"), empty.body());

        MuClient.Answer junk = client.post("/mu", "not an item".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, junk.status());
        assertTrue(junk.json().get("error").asText().contains("not a valid ANS-104"), junk.body());

        byte[] forged = client.message(p, "hi").raw().clone();
        forged[forged.length - 1] ^= 1; // the data no longer matches the signature
        MuClient.Answer forgedAnswer = client.post("/mu", forged);
        assertEquals(400, forgedAnswer.status());
        assertTrue(forgedAnswer.json().get("error").asText().contains("signature does not verify"), forgedAnswer.body());

        Wallet stranger = Wallets.generate(WalletType.ED25519);
        DataItem notAo = DataItem.sign(client.user, p, MuClient.anchor(), List.of(new Tag("Type", "Message")),
                "x".getBytes(StandardCharsets.UTF_8));
        MuClient.Answer notAoAnswer = client.post("/mu", notAo.raw());
        assertEquals(400, notAoAnswer.status());
        assertTrue(notAoAnswer.json().get("error").asText().contains("Data-Protocol"), notAoAnswer.body());

        DataItem module2 = DataItem.sign(client.user, null, null, List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Type", "Module")), "x".getBytes(StandardCharsets.UTF_8));
        MuClient.Answer moduleAnswer = client.post("/mu", module2.raw());
        assertEquals(400, moduleAnswer.status());
        assertTrue(moduleAnswer.json().get("error").asText().contains("Type 'Module'"), moduleAnswer.body());

        MuClient.Answer unknown = client.post("/mu", client.message(stranger.address(), "hi").raw());
        assertEquals(404, unknown.status());
        assertTrue(unknown.json().get("error").asText().contains("not found"), unknown.body());

        DataItem noScheduler = DataItem.sign(client.user, null, MuClient.anchor(), List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Type", "Process"), new Tag("Module", module)), "x".getBytes(StandardCharsets.UTF_8));
        MuClient.Answer noSchedulerAnswer = client.post("/mu", noScheduler.raw());
        assertEquals(400, noSchedulerAnswer.status());
        assertTrue(noSchedulerAnswer.json().get("error").asText().contains("no Scheduler tag"), noSchedulerAnswer.body());

        DataItem otherScheduler = DataItem.sign(client.user, null, MuClient.anchor(), List.of(new Tag("Data-Protocol", "ao"),
                new Tag("Type", "Process"), new Tag("Module", module), new Tag("Scheduler", stranger.address())),
                "x".getBytes(StandardCharsets.UTF_8));
        MuClient.Answer otherAnswer = client.post("/mu", otherScheduler.raw());
        assertEquals(400, otherAnswer.status(), otherAnswer.body());
        assertTrue(otherAnswer.json().get("error").asText().contains("Scheduler-Location"), otherAnswer.body());

        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        MuClient.Answer hugeAnswer = client.post("/mu", huge);
        assertEquals(413, hugeAnswer.status());

        MuClient.Answer halfAssign = client.post("/mu?process-id=" + p, null);
        assertEquals(400, halfAssign.status());
        assertTrue(halfAssign.json().get("error").asText().contains("both process-id and assign"), halfAssign.body());
        MuClient.Answer otherHalf = client.post("/mu?assign=" + p, null);
        assertEquals(400, otherHalf.status());

        MuClient.Answer monitorWrongTarget = client.post("/mu/monitor/" + p, client.message(stranger.address(), "").raw());
        assertEquals(400, monitorWrongTarget.status());
        MuClient.Answer monitorNoBody = client.post("/mu/monitor/" + p, new byte[0]);
        assertEquals(400, monitorNoBody.status());
        MuClient.Answer unmonitorUnknown = client.delete("/mu/monitor/" + p, client.message(p, "").raw());
        assertEquals(404, unmonitorUnknown.status());

        assertEquals(before, client.log(p).size(), "nothing reached the process's log");
    }

    /** A result the MU never cranked (its message went straight to the SU): /push delivers its outbox message, once. */
    @Test
    void pushDeliversAnOutboxMessageOnceAndRefusesWhatDoesNotExist() throws Exception {
        String a = client.spawn(module);
        String b = client.spawn(module);
        client.eval(a, RELAY);
        DataItem relay = client.message(a, "pushed later", new Tag("Action", "Relay"), new Tag("To", b));
        assertEquals(200, client.post("/su", relay.raw()).status(), "scheduled without the MU");
        MuClient.await("the relay's result", Duration.ofSeconds(60), () -> client.result(relay.id(), a).has("Messages"));
        assertTrue(client.logged(b, "Action", "Note").isEmpty(), "nothing cranked it");

        for (int round = 0; round < 2; round++) {
            MuClient.Answer pushed = client.post("/mu/push/" + relay.id() + "/0?process-id=" + a, null);
            assertEquals(202, pushed.status(), pushed.body());
            assertEquals("Processing Message Result", pushed.json().get("message").asText());
            assertEquals(relay.id(), pushed.json().get("id").asText());
            MuClient.await("the note in b's log", Duration.ofSeconds(60), () -> !client.logged(b, "Action", "Note").isEmpty());
        }
        // The second push's steps have run (same key and signature as the first) once the queue is empty.
        Await.until("the crank queue is drained", Duration.ofSeconds(60), () -> queue.backend().depth().orElseThrow() == 0);
        List<MuClient.Entry> notes = client.logged(b, "Action", "Note");
        assertEquals(1, notes.size(), "pushed twice, delivered once");
        assertEquals("pushed later", notes.getFirst().data());
        assertEquals(a, notes.getFirst().tag("From-Process"));
        assertEquals(relay.id(), notes.getFirst().tag("Pushed-For"));

        MuClient.Answer noSuchNumber = client.post("/mu/push/" + relay.id() + "/1?process-id=" + a, null);
        assertEquals(400, noSuchNumber.status(), noSuchNumber.body());
        assertTrue(noSuchNumber.json().get("error").asText().contains("message number 1 does not exist"), noSuchNumber.body());
        MuClient.Answer notANumber = client.post("/mu/push/" + relay.id() + "/first?process-id=" + a, null);
        assertEquals(400, notANumber.status());
        assertEquals("'number' parameter must be a valid number", notANumber.json().get("error").asText());
        MuClient.Answer noProcess = client.post("/mu/push/" + relay.id() + "/0", null);
        assertEquals(400, noProcess.status());
        MuClient.Answer unknownProcess = client.post("/mu/push/" + relay.id() + "/0?process-id=" + Wallets.generate(WalletType.ED25519).address(), null);
        assertEquals(404, unknownProcess.status(), unknownProcess.body());
        MuClient.Answer unknownMessage = client.post("/mu/push/" + b + "/0?process-id=" + a, null);
        assertEquals(404, unknownMessage.status(), unknownMessage.body());
        assertEquals(1, client.logged(b, "Action", "Note").size());
    }

    @Test
    void anAssignmentOfAnExistingMessageReachesTheProcess() throws Exception {
        String a = client.spawn(module);
        String b = client.spawn(module);
        String sent = client.send(a, "for both", new Tag("Action", "Hello"));
        MuClient.Answer answer = client.post("/mu?process-id=" + b + "&assign=" + sent + "&exclude=Data", null);
        assertEquals(202, answer.status(), answer.body());
        assertEquals("Processing Assignment", answer.json().get("message").asText());
        String assignment = answer.json().get("id").asText();
        assertTrue(client.log(b).stream().anyMatch(e -> e.id().equals(sent)), "the message is in b's log");
        assertTrue(!assignment.equals(sent));
    }
}
