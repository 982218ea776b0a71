package dev.ao4j.attack;

import dev.ao4j.node.NodeUpProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The node every attack test runs against: `ao4j up` as a user starts it (real aos modules published), with a fresh
 * data directory. One profile for the whole package so Quarkus boots once for all attack tests; a test that needs
 * a tighter limit sets it here and documents why.
 */
public final class AttackNodeProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new NodeUpProfile().getConfigOverrides());
        // OutboundCallAttackTest, DeliveryLaneAttackTest: the name localhost (not the address 127.0.0.1) is allowed,
        // standing in for a public host that answers, redirects or hangs; every other loopback URL stays refused.
        config.put("ao4j.outbound.allowed-hosts", "localhost");
        return config;
    }
}
