package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.testing.Compat;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first command, exactly: a fresh clone of this repository, with nothing beside it and nothing
 * run before in it, gets a working node from {@code ./ao4j up}. The launcher builds the node, fetches the aos
 * modules from the npm registry (showing progress), and the official client then spawns aos and evaluates a
 * line on it.
 */
@Tag("slow")
class FreshCloneTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_DEADLINE = Duration.ofMinutes(15);

    @Test
    void aFreshClonesUpBuildsFetchesTheModulesAndServesSpawnAndEval(@TempDir Path tmp) throws Exception {
        Path repository = Compat.compatDir().toAbsolutePath().getParent();
        Path clone = tmp.resolve("clone");
        run(List.of("git", "clone", "--quiet", repository.toString(), clone.toString()), tmp);
        assertFalse(Files.exists(clone.resolve("compat/modules")), "a fresh clone has no modules");

        Path data = tmp.resolve("data");
        Path log = tmp.resolve("up.log");
        ProcessBuilder builder = new ProcessBuilder(clone.resolve("ao4j").toString(), "up",
                "--data", data.toString(), "--port", Integer.toString(freePort()))
                .directory(clone.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("AO4J_NODE_MODULES_DIR");
        Process up = builder.start();
        try {
            JsonNode urls = awaitAnnouncedModules(up, data.resolve("urls.json"), log);
            assertTrue(Files.readString(log).contains("fetching the aos modules"), "the first run says what it fetches");
            assertTrue(Files.isRegularFile(clone.resolve("compat/modules/aos2_0_6.wasm")));

            Map<String, String> env = Map.of(
                    "MU_URL", urls.get("mu").asText(), "CU_URL", urls.get("cu").asText(),
                    "GATEWAY_URL", urls.get("gateway").asText(),
                    "AO_MODULE", urls.get("modules").get(ModuleCatalog.DEFAULT_MODULE).asText(),
                    "AO_SCHEDULER", urls.get("scheduler").asText(), "AO_AUTHORITY", urls.get("authority").asText());
            Compat.NodeResult result = Compat.runNode(List.of(), Compat.compatDir().resolve("scripts/aoconnect-e2e.cjs"),
                    List.of("first-run"), env, null, 600).requireSuccess();
            assertEquals("2", JSON.readTree(result.stdout()).get("output").asText());
        } finally {
            stop(up);
        }
    }

    /** Waits until the node has announced its URLs with the published modules; fails early if it exits. */
    private static JsonNode awaitAnnouncedModules(Process up, Path urlsFile, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!up.isAlive()) {
                throw new AssertionError("./ao4j up exited with " + up.exitValue() + ":\n" + Files.readString(log));
            }
            if (Files.isRegularFile(urlsFile)) {
                try {
                    JsonNode urls = JSON.readTree(urlsFile.toFile());
                    if (urls.path("modules").has(ModuleCatalog.DEFAULT_MODULE)) {
                        return urls;
                    }
                } catch (IOException partiallyWritten) {
                    // read again on the next round
                }
            }
            up.waitFor(1, TimeUnit.SECONDS);
        }
        throw new AssertionError("no modules announced within " + START_DEADLINE + ":\n" + Files.readString(log));
    }

    private static void stop(Process up) throws InterruptedException {
        up.descendants().forEach(ProcessHandle::destroy);
        up.destroy();
        if (!up.waitFor(30, TimeUnit.SECONDS)) {
            up.descendants().forEach(ProcessHandle::destroyForcibly);
            up.destroyForcibly();
        }
    }

    private static void run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
