package dev.ao4j.node;

import dev.ao4j.testing.Compat;
import dev.ao4j.testing.NodeTestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/** The node as `ao4j up` runs it (modules published from compat/modules), with the test profile's fresh data dir. */
public final class NodeUpProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new NodeTestProfile().getConfigOverrides());
        config.put("ao4j.node.publish-modules", "true");
        config.put("ao4j.node.modules-dir", Compat.compatDir().resolve("modules").toString());
        config.put("ao4j.node.modules-wallet-type", "ed25519");
        config.put("ao4j.mu.wallet-type", "ed25519");
        config.put("ao4j.mu.cron.interval", "1s");
        return config;
    }
}
