package dev.ao4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.node.ModuleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops the node whatever it is evaluating: here an aos process spinning in {@code while true do end}, well
 * inside its 60 s deadline. Before the CU cancelled running evaluations on the way down, the node waited for it.
 */
@org.junit.jupiter.api.Tag("slow")
class CleanStopTest {
    @Test
    void sigtermStopsTheNodeWhileAnEvaluationSpins() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent(); // the bench module runs in bench/
        LaunchedNode node = LaunchedNode.start(root, Files.createTempDirectory("ao4j-clean-stop"));
        try {
            NodeClient client = new NodeClient(node.urls());
            var user = Wallets.generate(WalletType.ED25519);
            DataItem spawn = DataItem.sign(user, null, null, List.of(new Tag("Data-Protocol", "ao"),
                    new Tag("Variant", "ao.TN.1"), new Tag("Type", "Process"),
                    new Tag("Module", node.urls().modules().get(ModuleCatalog.DEFAULT_MODULE)),
                    new Tag("Scheduler", node.urls().scheduler()), new Tag("Authority", node.urls().authority())),
                    "spin".getBytes(StandardCharsets.UTF_8));
            client.send(spawn);
            DataItem spin = DataItem.sign(user, spawn.id(), null, List.of(new Tag("Data-Protocol", "ao"),
                    new Tag("Variant", "ao.TN.1"), new Tag("Type", "Message"), new Tag("Action", "Eval")),
                    "while true do end".getBytes(StandardCharsets.UTF_8));
            client.send(spin); // the MU's crank asks the CU for its result: the CU spins
            Thread.sleep(Duration.ofSeconds(8)); // past the boot message, into the loop
        } finally {
            boolean stopped = node.stop(Duration.ofSeconds(30));
            assertTrue(stopped, "SIGTERM stopped the node within 30 s, inside the evaluation's 60 s deadline; log: "
                    + node.log());
        }
    }
}
