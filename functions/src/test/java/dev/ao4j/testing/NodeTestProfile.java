package dev.ao4j.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A whole node for HTTP tests: a fresh data directory, ED25519 unit wallets (fast to create), the MU's cron pass
 * every second, a free port.
 */
public final class NodeTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            return Map.of(
                    "ao4j.data-dir", Files.createTempDirectory("ao4j-node-test").toString(),
                    "ao4j.su.wallet-type", "ed25519",
                    "ao4j.cu.wallet-type", "ed25519",
                    "ao4j.mu.wallet-type", "ed25519",
                    "ao4j.mu.cron.interval", "1s",
                    "quarkus.http.test-port", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
