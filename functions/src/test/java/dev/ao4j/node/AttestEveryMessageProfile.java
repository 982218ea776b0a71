package dev.ao4j.node;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link NodeUpProfile} with a CU that hashes the memory after every message, so every result's attestation states
 * it (by default only a process at rest gets its memory hashed: docs/cu.md, "Memory hash").
 */
public final class AttestEveryMessageProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new NodeUpProfile().getConfigOverrides());
        config.put("ao4j.cu.hash-every-message", "true");
        return config;
    }
}
