package dev.ao4j.node;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The node as `ao4j up` runs it, on a port chosen before it starts, so that its SU's Scheduler-Location record
 * names the URL it really answers on and a CU outside the node can find it as AO's CUs do.
 */
public final class NodeOnKnownPortProfile implements QuarkusTestProfile {
    private static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new NodeUpProfile().getConfigOverrides());
        config.put("quarkus.http.test-port", Integer.toString(PORT));
        config.put("ao4j.su.url", "http://127.0.0.1:" + PORT + "/su");
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
