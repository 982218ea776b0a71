package dev.ao4j.cu;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The CU HTTP tests' node: a fresh data directory, ed25519 wallets (fast), a free port. */
public final class CuTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            return Map.of(
                    "ao4j.data-dir", Files.createTempDirectory("ao4j-cu-test").toString(),
                    "ao4j.su.wallet-type", "ed25519",
                    "ao4j.cu.wallet-type", "ed25519",
                    "quarkus.http.test-port", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
