package dev.ao4j.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This node's own URLs: its base on loopback (with the port it actually listens on: a test's port is random) and
 * the SU URLs it is configured with. The outbound policy trusts them; the MU calls its SU and CU on loopback.
 */
@Singleton
public class NodeAddress {
    @Inject
    Instance<ValueRegistry> values;

    /** e.g. {@code http://127.0.0.1:8734}. */
    public String loopback() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The SU base URLs of this node and the one the MU is configured with: the only SU URLs trusted without an
     * address check (a Scheduler-Location naming another path of this node, /mu or /cu, is not).
     */
    public List<String> ownSuUrls() {
        var config = ConfigProvider.getConfig();
        List<String> urls = new ArrayList<>();
        for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
            urls.add("http://" + host + ":" + port() + "/su");
        }
        // The SU publishes this URL when ao4j.su.url is unset (SchedulerWiring); only where the SU runs.
        if (config.getOptionalValue("ao4j.su.enabled", Boolean.class).orElse(true)) {
            config.getOptionalValue("quarkus.http.port", Integer.class)
                    .ifPresent(port -> urls.add("http://127.0.0.1:" + port + "/su"));
        }
        for (String key : List.of("ao4j.su.url", "ao4j.mu.su-url")) {
            config.getOptionalValue(key, String.class).ifPresent(urls::add);
        }
        return urls;
    }

    private int port() {
        int port = -1;
        if (values.isResolvable()) {
            try {
                port = HttpServer.INFO.get(values.get()).getPort();
            } catch (RuntimeException e) {
                port = -1;
            }
        }
        if (port <= 0) {
            String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
            port = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8734);
        }
        return port;
    }
}
