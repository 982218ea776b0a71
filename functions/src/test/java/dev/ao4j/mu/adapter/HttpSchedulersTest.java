package dev.ao4j.mu.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.protocol.outbound.OutboundHttp;
import dev.ao4j.protocol.outbound.OutboundPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the MU looks for a process it does not know: its default SU over HTTP first, unless that SU runs in the
 * same process and was asked directly already (then only the process's own Scheduler tag is followed).
 */
class HttpSchedulersTest {
    private static final String UNKNOWN = "U".repeat(43);
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer defaultSu;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        defaultSu = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        defaultSu.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        defaultSu.start();
    }

    @AfterEach
    void stop() {
        defaultSu.stop(0);
    }

    @Test
    void anUnknownProcessIsAskedOfTheDefaultSuOverHttp() throws Exception {
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(Duration.ZERO))) {
            assertTrue(schedulers(store, true).process(UNKNOWN).isEmpty());
            assertEquals(List.of("GET /su/processes/" + UNKNOWN), asked);
        }
    }

    @Test
    void anSuInTheSameProcessIsNotAskedAgainOverLoopback() throws Exception {
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(Duration.ZERO))) {
            assertTrue(schedulers(store, false).process(UNKNOWN).isEmpty());
            assertEquals(List.of(), asked, "only the permanent store was read, for the process's Scheduler tag");
        }
    }

    private HttpSchedulers schedulers(EmbeddedPermastore store, boolean askDefaultSuFirst) {
        String base = "http://127.0.0.1:" + defaultSu.getAddress().getPort();
        OutboundHttp outbound = new OutboundHttp(OutboundHttp.newClient(Duration.ofSeconds(2)),
                new OutboundPolicy(false, List.of(), () -> List.of(base)), 1 << 20, 2);
        return new HttpSchedulers(outbound, Duration.ofSeconds(5), () -> base + "/su", "default-su-address", store, 16,
                Duration.ofMinutes(1), askDefaultSuFirst);
    }
}
