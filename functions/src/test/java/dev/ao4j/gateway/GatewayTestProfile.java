package dev.ao4j.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The gateway tests' node: a fresh data directory, blocks only when mined, a free port. */
public final class GatewayTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            return Map.of(
                    "ao4j.data-dir", Files.createTempDirectory("ao4j-gateway-test").toString(),
                    "ao4j.chain.block-time", "0s",
                    "quarkus.http.test-port", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
