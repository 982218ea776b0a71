package dev.ao4j.node;

import static dev.ao4j.node.NodeTest.ao4j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The user commands against a running node (MU, SU, CU, gateway), reading its urls.json: what a person types. */
@QuarkusTest
@TestProfile(NodeUpProfile.class)
class UserCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    NodeWiring node;

    @ConfigProperty(name = "ao4j.data-dir")
    Path dataDir;

    @Test
    void spawnEvalSendResultDryRunAndListProcesses() throws Exception {
        node.announce();
        String data = dataDir.toString();
        Path wallet = Files.createTempFile("ao4j-user", ".json");
        Wallets.write(Wallets.generate(WalletType.RSA), wallet);
        String owner = Wallets.read(wallet).address();

        NodeTest.Run spawn = ao4j("spawn", "--data", data, "--wallet", wallet.toString(), "--name", "cli-test");
        assertEquals(0, spawn.exit(), spawn.err());
        String process = spawn.out().strip();
        assertTrue(process.matches("[A-Za-z0-9_-]{43}"), "spawn prints the process id: " + spawn.out());

        NodeTest.Run two = ao4j("eval", "--data", data, "--wallet", wallet.toString(), "--process", process, "1 + 1");
        assertEquals(0, two.exit(), two.err());
        assertEquals("2", two.out().strip(), "eval prints the Lua value");

        NodeTest.Run handler = ao4j("eval", "--data", data, "--wallet", wallet.toString(), "--process", process, """
                Handlers.add("hello", Handlers.utils.hasMatchingTag("Action", "Hello"), function (msg)
                  msg.reply({ Data = "hello " .. msg.Data })
                end)""");
        assertEquals(0, handler.exit(), handler.err());

        NodeTest.Run send = ao4j("send", "--data", data, "--wallet", wallet.toString(), "--process", process,
                "--action", "Hello", "--body", "world", "--wait");
        assertEquals(0, send.exit(), send.err());
        String messageId = send.out().lines().findFirst().orElseThrow();
        JsonNode sent = JSON.readTree(send.out().substring(messageId.length()));
        assertEquals("hello world", sent.get("Messages").get(0).get("Data").asText(), "send --wait prints the result");
        assertEquals(owner, sent.get("Messages").get(0).get("Target").asText(), "the reply goes to the sender");

        NodeTest.Run result = ao4j("result", "--data", data, "--process", process, messageId);
        assertEquals(0, result.exit(), result.err());
        assertEquals(sent, JSON.readTree(result.out()), "result prints the same result again");

        NodeTest.Run dry = ao4j("dryrun", "--data", data, "--process", process, "--action", "Hello", "--body", "dry");
        assertEquals(0, dry.exit(), dry.err());
        assertEquals("hello dry", JSON.readTree(dry.out()).get("Messages").get(0).get("Data").asText());

        NodeTest.Run failing = ao4j("eval", "--data", data, "--wallet", wallet.toString(), "--process", process, "error('no')");
        assertEquals(1, failing.exit(), "a Lua error exits 1: " + failing.out());
        assertTrue(failing.err().contains("no"), failing.err());

        NodeTest.Run unknown = ao4j("send", "--data", data, "--wallet", wallet.toString(), "--process", "Z".repeat(43),
                "--action", "Hello");
        assertEquals(2, unknown.exit(), "the MU refuses a message to an unknown process: " + unknown.out());
        assertTrue(unknown.err().contains("error") || unknown.err().contains("40"), unknown.err());

        AtomicReference<NodeTest.Run> listed = new AtomicReference<>();
        Await.until("processes lists " + process, Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
            listed.set(ao4j("processes", "--data", data, "--wallet", wallet.toString()));
            assertEquals(0, listed.get().exit(), listed.get().err());
            return listed.get().out().contains(process);
        });
        assertTrue(listed.get().out().contains(process) && listed.get().out().contains("cli-test"),
                "processes lists the spawned process with its name once the SU stored it: " + listed.get().out());
    }
}
