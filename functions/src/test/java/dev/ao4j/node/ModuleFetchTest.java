package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.testing.Compat;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compat/fetch-modules.sh, which {@code ./ao4j up} runs on first use, when the npm registry cannot be reached. */
class ModuleFetchTest {
    @Test
    void anUnreachableRegistryGivesAClearErrorAndLeavesNoHalfFilledModules(@TempDir Path tmp) throws Exception {
        Path compat = Files.createDirectories(tmp.resolve("compat"));
        Files.copy(Compat.compatDir().resolve("fetch-modules.sh"), compat.resolve("fetch-modules.sh"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("bash", compat.resolve("fetch-modules.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("npm_config_registry", "http://127.0.0.1:" + closedPort + "/");
        builder.environment().put("npm_config_cache", tmp.resolve("npm-cache").toString());
        builder.environment().put("npm_config_fetch_retries", "0");
        Process fetch = builder.start();
        String output = new String(fetch.getInputStream().readAllBytes());

        assertEquals(3, fetch.waitFor(), output);
        assertTrue(output.contains("cannot fetch the aos modules"), output);
        assertTrue(output.contains("npm config get registry"), "the error says where to look: " + output);
        assertFalse(Files.exists(compat.resolve("modules")), "nothing half-fetched is left behind");
    }
}
