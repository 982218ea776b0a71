package dev.ao4j.mu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cu.AosWorld;
import dev.ao4j.node.InProcessSchedulers;
import dev.ao4j.mu.adapter.PermastoreArchive;
import dev.ao4j.mu.adapter.SqliteMuStore;
import dev.ao4j.mu.core.Crank;
import dev.ao4j.mu.core.CrankStep;
import dev.ao4j.mu.core.Outbox;
import dev.ao4j.mu.core.StepCodec;
import dev.ao4j.mu.queue.embedded.SqliteTaskQueue;
import dev.ao4j.su.core.Slot;
import dev.ao4j.testing.AosModules;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 an MU (its own JVM) between pushing outbox messages and acknowledging the steps, restart it on the
 * same data: every outbox message is delivered and none is twice in any process's log. And the SU's content
 * dedupe: the same outbox message signed twice (new signature, new id) takes one slot.
 */
@org.junit.jupiter.api.Tag("slow")
class MuKillNineTest {
    static final int TARGETS = 3;
    static final int PER_TARGET = 4;
    static final int KILL_AFTER_PUSHES = 5;
    static final String BURST = """
            Handlers.add("burst", Handlers.utils.hasMatchingTag("Action", "Burst"), function (msg)
              for target in string.gmatch(msg.Data, "[^,]+") do
                for i = 1, %d do ao.send({ Target = target, Action = "Hit", Data = target .. "#" .. i }) end
              end
            end)
            """.formatted(PER_TARGET);

    @TempDir
    Path dir;

    @Test
    void anMuKilledMidCrankDeliversEveryOutboxMessageOnceAfterRestart() throws Exception {
        List<String> targets = new ArrayList<>();
        try (AosWorld world = AosWorld.open(dir)) {
            Wallet mu = AosWorld.wallet(dir.resolve("mu.json"));
            String module = world.publishModule(AosModules.AOS_32, AosModules.AOS_32_FORMAT);
            String root = world.spawn(module, new Tag("Authority", mu.address()), new Tag("Name", "root"));
            for (int i = 0; i < TARGETS; i++) { // distinct tags: ED25519 signatures are deterministic
                targets.add(world.spawn(module, new Tag("Authority", mu.address()), new Tag("Name", "target-" + i)));
            }
            world.eval(root, BURST);
            String burst = world.send(root, String.join(",", targets), new Tag("Action", "Burst"));
            try (SqliteTaskQueue queue = SqliteTaskQueue.open(dir, Duration.ofSeconds(2), Duration.ofHours(1))) {
                queue.enqueue(StepCodec.task(new CrankStep.PullResult(root, burst, burst)));
            }
        }

        int pushedBeforeKill = runChild(KILL_AFTER_PUSHES);
        assertEquals(KILL_AFTER_PUSHES, pushedBeforeKill, "the first MU was killed mid-crank");
        int pushedAfterRestart = runChild(-1);
        assertTrue(pushedAfterRestart > 0, "the restarted MU finished the crank");

        try (AosWorld world = AosWorld.open(dir)) {
            for (String target : targets) {
                Map<String, Integer> hits = new HashMap<>();
                List<String> seen = new ArrayList<>();
                for (Slot slot : world.scheduler.page(target, -1, Long.MAX_VALUE, 10_000).slots()) {
                    if (slot.message() != null && !slot.isProcessSlot()) {
                        DataItem item = DataItem.parse(slot.message());
                        if ("Hit".equals(item.tag("Action").orElse(null))) {
                            hits.merge(new String(item.data(), StandardCharsets.UTF_8), 1, Integer::sum);
                            seen.add(slot.nonce() + " " + item.id() + " " + new String(item.data(), StandardCharsets.UTF_8));
                        }
                    }
                }
                for (int i = 1; i <= PER_TARGET; i++) {
                    assertEquals(1, hits.getOrDefault(target + "#" + i, 0), target + "#" + i + " in the log exactly once: "
                            + String.join("\n", seen));
                }
                assertEquals(PER_TARGET, hits.size());
            }
        }
    }

    /** Runs the MU child; kills it (SIGKILL) after {@code killAfter} pushes, or waits for it to go idle (-1). */
    private int runChild(int killAfter) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MuCrashChild.class.getName(), dir.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int pushed = 0;
        boolean idle = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("PUSHED ")) {
                    pushed++;
                    if (pushed == killAfter) {
                        child.destroyForcibly(); // SIGKILL between the push and the step's ack
                        break;
                    }
                } else if (line.equals("IDLE")) {
                    idle = true;
                }
            }
        }
        child.waitFor();
        assertTrue(killAfter > 0 || idle, "the child ran until its queue was empty");
        return pushed;
    }

    @Test
    void theSameOutboxMessageSignedTwiceTakesOneSlot() throws Exception {
        try (AosWorld world = AosWorld.open(dir)) {
            Wallet mu = Wallets.generate(WalletType.RSA); // RSA-PSS: each signature differs, so each signing is a new id
            String module = world.publishModule(AosModules.AOS_32, AosModules.AOS_32_FORMAT);
            String sender = world.spawn(module, new Tag("Name", "sender"));
            String target = world.spawn(module, new Tag("Name", "target"));
            Outbox.Message message = new Outbox.Message(target, "00000000000000000000000000000007",
                    List.of(new Tag("Action", "Hit"), new Tag("Reference", "7")), "once");
            CrankStep.Deliver deliver = new CrankStep.Deliver(sender, "result", 0, "user-message", message);
            List<String> pulled = new ArrayList<>();
            for (String storeName : List.of("first", "second")) { // a lost signed-item store: the step signs again
                try (SqliteMuStore store = new SqliteMuStore(dir.resolve(storeName + ".db"))) {
                    Crank crank = new Crank(mu, new InProcessSchedulers(world.scheduler), null,
                            new PermastoreArchive(world.permastore), store);
                    CrankStep.PullResult next = (CrankStep.PullResult) crank.run(deliver).get(0);
                    pulled.add(next.messageId());
                    assertTrue(store.find(deliver.key()).isPresent());
                }
            }
            byte[] first = new SqliteMuStore(dir.resolve("first.db")).find(deliver.key()).orElseThrow();
            byte[] second = new SqliteMuStore(dir.resolve("second.db")).find(deliver.key()).orElseThrow();
            assertTrue(!DataItem.parse(first).id().equals(DataItem.parse(second).id()), "two different signed items");
            assertEquals(pulled.get(0), pulled.get(1), "the SU answered the second with the first one's slot");
            long copies = world.scheduler.page(target, -1, Long.MAX_VALUE, 1000).slots().stream()
                    .filter(slot -> !slot.isProcessSlot()).count();
            assertEquals(1, copies, "one slot in the target's log");
        }
    }
}
