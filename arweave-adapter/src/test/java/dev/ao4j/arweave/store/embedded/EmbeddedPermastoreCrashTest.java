package dev.ao4j.arweave.store.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.StoredItem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at an arbitrary instant: a child JVM puts up to 10,000 items, printing each id once its put has
 * returned; it is killed mid-way; a second child continues on the same database and is killed too; every id
 * either printed must be stored and readable, and the database intact.
 */
@Tag("slow")
class EmbeddedPermastoreCrashTest {
    /** Kill points: the second run starts on the database the first kill left behind (recovery, then more writes). */
    private static final int[] KILL_AFTER_ACKS = {400, 150};

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedPutSurvivesKill9() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (int run = 0; run < KILL_AFTER_ACKS.length; run++) {
            int before = acknowledged.size();
            acknowledged.addAll(putUntilKilled(run * 10_000, KILL_AFTER_ACKS[run]));
            int acked = acknowledged.size() - before;
            assertTrue(acked >= KILL_AFTER_ACKS[run] && acked < 10_000, "run " + run + " killed mid-way, after " + acked + " acknowledged puts");
        }

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(EmbeddedPermastore.DB_FILE));
             Statement statement = db.createStatement();
             ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
            check.next();
            assertEquals("ok", check.getString(1));
        }
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            for (int i = 0; i < acknowledged.size(); i++) {
                String[] ack = acknowledged.get(i).split(" ");
                StoredItem item = store.item(ack[0]).orElseThrow(() -> new AssertionError("acknowledged item " + ack[0] + " is lost"));
                assertEquals(ack[1], item.tag("Index").orElseThrow());
                assertArrayEquals(PutForever.data(Integer.parseInt(ack[1])), store.data(ack[0], ByteRange.ALL).orElseThrow().bytes());
            }
        }
    }

    /** Runs a child that puts items {@code first}, {@code first + 1}, …; SIGKILLs it after {@code killAfter} acks. */
    private List<String> putUntilKilled(int first, int killAfter) throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                PutForever.class.getName(), dataDir.toString(), Integer.toString(first), "10000")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(line.substring(4));
                    if (acknowledged.size() == killAfter) {
                        // SIGKILL through the handle: Process.destroyForcibly would also close our end of stdout,
                        // and ids the child printed before dying must still be read.
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child exits once killed");
        }
        return acknowledged;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
