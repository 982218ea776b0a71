package dev.ao4j.node;

import static dev.ao4j.node.NodeTest.ao4j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.sqlite.SqliteFiles;
import dev.ao4j.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ao4j verify} against a running node: an aos process driven through the node is replayed in a fresh CU and
 * every slot's attested memory and result hashes agree; a result altered in the node's result store is named as
 * the first diverging slot; what cannot be verified exits 2.
 */
@Tag("slow")
@QuarkusTest
@TestProfile(NodeOnKnownPortProfile.class)
class VerifyCommandTest {
    @Inject
    NodeWiring node;

    @ConfigProperty(name = "ao4j.data-dir")
    Path dataDir;

    @Test
    void aReplayAgreesWithTheNodesCuUntilAStoredResultIsAltered() throws Exception {
        NodeUrls urls = node.announce();
        String data = dataDir.toString();
        Path wallet = Files.createTempFile("ao4j-verify", ".json");
        Wallets.write(Wallets.generate(WalletType.ED25519), wallet);

        NodeTest.Run spawn = ao4j("spawn", "--data", data, "--wallet", wallet.toString(), "--name", "verify-test");
        assertEquals(0, spawn.exit(), spawn.err());
        String process = spawn.out().strip();
        String two = send(data, wallet, process, "1 + 1");
        send(data, wallet, process, """
                Handlers.add("hello", Handlers.utils.hasMatchingTag("Action", "Hello"), function (msg)
                  Seen = (Seen or 0) + 1
                  msg.reply({ Data = "hello " .. msg.Data .. " " .. Seen })
                end)""");
        for (String name : new String[] {"a", "b"}) {
            NodeTest.Run hello = ao4j("send", "--data", data, "--wallet", wallet.toString(), "--process", process,
                    "--action", "Hello", "--body", name, "--wait");
            assertEquals(0, hello.exit(), hello.err());
        }
        NodeTest.Run failing = ao4j("eval", "--data", data, "--wallet", wallet.toString(), "--process", process,
                "error('no')");
        assertEquals(1, failing.exit(), failing.out());
        Await.until("the gateway has process " + process, Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> ao4j("processes", "--data", data, "--json").out().contains(process));

        NodeTest.Run verified = ao4j("verify", "--data", data, "--process", process);
        assertEquals(0, verified.exit(), verified.out() + verified.err());
        assertTrue(verified.out().contains("6 slots checked (nonce 0 to 5)"), verified.out());
        assertTrue(verified.out().contains(urls.cu() + ": agrees at every slot"), verified.out());

        NodeTest.Run quorum = ao4j("verify", "--data", data, "--process", process, "--to", "2", "--cu", urls.cu(),
                "--cu", "http://127.0.0.1:9/cu", "--quorum", "1");
        assertEquals(0, quorum.exit(), quorum.out() + quorum.err());
        assertTrue(quorum.out().contains("3 slots checked") && quorum.out().contains("http://127.0.0.1:9/cu: unavailable")
                && quorum.out().contains("1 of 2 CUs agree"), quorum.out());

        alterResult(process, two);
        NodeTest.Run altered = ao4j("verify", "--data", data, "--process", process);
        assertEquals(1, altered.exit(), altered.out() + altered.err());
        assertTrue(altered.out().contains("first divergence: nonce 1, message " + two + ", CU " + urls.cu()
                + ": result SHA-256: replay "), altered.out());
        assertTrue(!altered.out().contains("memory SHA-256"), "only the result was altered: " + altered.out());
    }

    @Test
    void anUnknownProcessOrBadArgumentsCannotBeVerified() throws Exception {
        String data = dataDir.toString();
        node.announce();
        NodeTest.Run unknown = ao4j("verify", "--data", data, "--process", "Z".repeat(43));
        assertEquals(2, unknown.exit(), unknown.out() + unknown.err());
        assertTrue(unknown.err().contains("unknown process"), unknown.err());

        NodeTest.Run bad = ao4j("verify", "--data", data, "--process", "not-an-id");
        assertEquals(2, bad.exit(), bad.err());
        NodeTest.Run quorum = ao4j("verify", "--data", data, "--process", "Z".repeat(43), "--quorum", "2");
        assertEquals(2, quorum.exit(), quorum.err());
        assertTrue(quorum.err().contains("--quorum 2"), quorum.err());
    }

    private static String send(String data, Path wallet, String process, String lua) {
        NodeTest.Run run = ao4j("send", "--data", data, "--wallet", wallet.toString(), "--process", process,
                "--action", "Eval", "--body", lua, "--wait");
        assertEquals(0, run.exit(), run.err());
        return run.out().lines().findFirst().orElseThrow();
    }

    /** Changes the node's stored result of a message (and drops its cached attestation), as a faulty CU might. */
    private void alterResult(String process, String message) throws Exception {
        try (Connection db = SqliteFiles.open(dataDir.resolve("cu/results.db"), SqliteFiles.Sync.NORMAL);
             PreparedStatement update = db.prepareStatement("UPDATE evaluations SET result = replace(result, '2', '3'),"
                     + " attestation = NULL WHERE process_id = ? AND message_id = ?")) {
            update.setString(1, process);
            update.setString(2, message);
            assertEquals(1, update.executeUpdate());
        }
    }
}
