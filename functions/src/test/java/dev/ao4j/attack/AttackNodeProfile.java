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
        // ComputeAttackTest: deadlines a test can wait for, a pool a flood can fill, a state cap aos is above.
        // The deadlines stay well above a cold aos boot on a loaded two-core machine (over 10 s seen at load 7).
        config.put("ao4j.cu.eval-timeout", "PT15S");
        config.put("ao4j.cu.dry-run-timeout", "PT6S");
        config.put("ao4j.cu.evaluation-threads", "2");
        config.put("ao4j.cu.evaluation-queue", "2");
        config.put("ao4j.cu.max-state-bytes", "1048576");
        // SchedulerAttackTest: pages of 40 KB messages show the byte cap without writing 16 MiB of log.
        config.put("ao4j.su.max-page-bytes", "65536");
        // BrowserOriginAttackTest: a page of a listed origin may write like the node's own pages.
        config.put("ao4j.http.trusted-origins", "https://app.trusted.example");
        // BodyFloodAttackTest: two slow 1 MiB uploads fill the body budget.
        config.put("ao4j.http.max-in-flight-body-bytes", "2097152");
        // OutboundCallAttackTest, DeliveryLaneAttackTest: the name localhost (not the address 127.0.0.1) is allowed,
        // standing in for a public host that answers, redirects or hangs; every other loopback URL stays refused.
        config.put("ao4j.outbound.allowed-hosts", "localhost");
        return config;
    }
}
