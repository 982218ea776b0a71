package dev.ao4j.su;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.LogUploader;
import dev.ao4j.su.core.Slot;
import dev.ao4j.su.port.LogStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 a scheduler while eight writers are sequencing: after a restart every acknowledged message is in
 * the log exactly once, the log has no gap, and the restarted SU uploads whatever the dead one had not.
 */
@Tag("slow")
class SchedulerCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesKillNineOnceWithNoGapAndIsUploaded() throws Exception {
        Wallet su = Wallets.generate(WalletType.ED25519);
        Wallet user = Wallets.generate(WalletType.ED25519);
        Wallets.write(su, dir.resolve("su.json"));
        Wallets.write(user, dir.resolve("user.json"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SuCrashChild.class.getName(),
                dir.toString(), dir.resolve("su.json").toString(), dir.resolve("user.json").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<String> acknowledged = new HashSet<>();
        String processId = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("PROCESS ")) {
                    processId = line.substring(8);
                } else if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                    if (acknowledged.size() == 1500) {
                        child.destroyForcibly(); // SIGKILL, mid-write
                        break;
                    }
                }
            }
        }
        child.waitFor();
        assertTrue(processId != null && acknowledged.size() >= 1500, "the child acknowledged messages before it died");

        try (LogStore log = new SqliteLogStore(dir.resolve("su-log.db"));
             EmbeddedPermastore permastore = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(Duration.ofSeconds(1)))) {
            long last = log.latest(processId).orElseThrow().nonce();
            Set<String> inLog = new HashSet<>();
            for (long nonce = 1; nonce <= last; nonce++) {
                Slot slot = log.slot(processId, nonce).orElseThrow(() -> new AssertionError("gap in the log"));
                assertTrue(inLog.add(slot.messageId()), "message ordered twice");
            }
            assertTrue(inLog.containsAll(acknowledged), "an acknowledged message was lost");

            new LogUploader(log, permastore, su, Duration.ZERO).uploadPending();
            assertEquals(0, log.pendingUploads(10).size());
            for (String id : acknowledged) {
                assertTrue(permastore.item(id).isPresent(), "acknowledged message " + id + " not on the permanent store");
                String assignmentId = log.findMessage(processId, id).orElseThrow().assignmentId();
                assertTrue(permastore.item(assignmentId).isPresent(), "its assignment is not on the permanent store");
            }
        }
    }
}
