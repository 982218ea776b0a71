package dev.ao4j.mu.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 a process that is enqueueing and consuming at once; restart it: every task whose enqueue returned is
 * handled, none is lost, and each process's tasks were handled in enqueue order (the step that was running
 * at the kill runs again right where it was: at least once).
 */
@Tag("slow")
class EmbeddedQueueCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyEnqueuedTaskIsHandledInOrderAfterKillNine() throws Exception {
        Path log = dir.resolve("handled.log");
        Set<String> enqueued = new HashSet<>();
        Process first = child(log, "enqueue");
        int handledBeforeKill = 0;
        try (BufferedReader out = reader(first)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ENQUEUED ")) {
                    enqueued.add(line.substring(9));
                } else if (line.startsWith("HANDLED ") && ++handledBeforeKill == 40) {
                    first.destroyForcibly(); // SIGKILL, mid-step and (most likely) mid-enqueue
                    break;
                }
            }
        }
        first.waitFor();
        assertEquals(40, handledBeforeKill, "the child handled tasks before it was killed");

        Process second = child(log, "resume");
        try (BufferedReader out = reader(second)) {
            assertTrue(out.lines().anyMatch("DRAINED"::equals), "the restarted child drained the queue");
        }
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));

        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (String id : Files.readAllLines(log)) {
            List<String> handled = byGroup.computeIfAbsent(id.substring(0, id.indexOf('-')), g -> new ArrayList<>());
            if (handled.isEmpty() || !handled.getLast().equals(id)) { // a re-run of the step in progress at the kill
                handled.add(id);
            }
        }
        Set<String> handledIds = new HashSet<>();
        for (Map.Entry<String, List<String>> group : byGroup.entrySet()) {
            List<String> handled = group.getValue();
            for (int i = 0; i < handled.size(); i++) {
                assertEquals(group.getKey() + "-" + i, handled.get(i), "group " + group.getKey() + " out of order or repeated: " + handled);
            }
            handledIds.addAll(handled);
        }
        assertTrue(enqueued.size() >= 40);
        Set<String> lost = new HashSet<>(enqueued);
        lost.removeAll(handledIds);
        assertEquals(Set.of(), lost, "enqueued tasks never handled");
    }

    private Process child(Path log, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                QueueCrashChild.class.getName(), dir.toString(), log.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
