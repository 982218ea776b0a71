package dev.ao4j.protocol.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ao4j.testing.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects, the size cap and the whole-exchange timeout of {@link OutboundHttp}, against a server on loopback.
 * The server is reached as {@code localhost}, allowed by name; its address 127.0.0.1 is not allowed, so a
 * redirect to it is a redirect to a private address.
 */
class OutboundHttpTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String localhost;
    private String loopback;

    @BeforeEach
    void start() throws IOException {
        InetAddress address = InetAddress.getByName("localhost");
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a slow answer does not hold up the others
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            switch (path) {
                case "/hop" -> redirect(exchange, localhost + "/ok");
                case "/loop" -> redirect(exchange, localhost + "/loop");
                case "/to-loopback" -> redirect(exchange, loopback + "/ok");
                case "/to-file" -> redirect(exchange, "file:///etc/passwd");
                case "/big" -> answer(exchange, 200, new byte[4096]);
                case "/slow" -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write('{');
                        out.flush();
                        Thread.sleep(5_000);
                    } catch (InterruptedException | IOException e) {
                        // the client hung up
                    }
                }
                default -> answer(exchange, 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        localhost = "http://localhost:" + port;
        loopback = "http://" + (address.getAddress().length == 4 ? "127.0.0.1" : "[::1]") + ":" + port;
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(307, -1);
        exchange.close();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private OutboundHttp http(long maxBytes) {
        OutboundPolicy policy = new OutboundPolicy(false, List.of("localhost"), List::of);
        return new OutboundHttp(OutboundHttp.newClient(Duration.ofSeconds(2)), policy, maxBytes, 2);
    }

    @Test
    void aRedirectIsFollowedToAnAllowedPlaceAndResendsThePost() throws Exception {
        OutboundHttp http = http(1024);
        OutboundHttp.Reply reply = http.post(http.target(localhost), "/hop", new byte[] {1, 2}, Duration.ofSeconds(5));
        assertEquals(200, reply.status());
        assertEquals(List.of("POST /hop", "POST /ok"), requests);
    }

    @Test
    void aRedirectToAPrivateAddressOrAnotherSchemeIsRefusedBeforeAnyRequest() throws Exception {
        OutboundHttp http = http(1024);
        assertThrows(OutboundRefusedException.class,
                () -> http.get(http.target(localhost), "/to-loopback", Duration.ofSeconds(5)));
        assertThrows(OutboundRefusedException.class, () -> http.get(http.target(localhost), "/to-file", Duration.ofSeconds(5)));
        assertEquals(List.of("GET /to-loopback", "GET /to-file"), requests, "the redirect targets were never asked");
    }

    @Test
    void redirectsStopAfterTheMaximum() {
        OutboundHttp http = http(1024);
        assertThrows(OutboundRefusedException.class, () -> http.get(http.target(localhost), "/loop", Duration.ofSeconds(5)));
        assertEquals(3, requests.size(), "the first request and two redirects");
    }

    @Test
    void aTrustedBaseSkipsTheAddressCheckButItsRedirectsDoNot() throws Exception {
        OutboundHttp http = new OutboundHttp(OutboundHttp.newClient(Duration.ofSeconds(2)),
                new OutboundPolicy(false, List.of(), () -> List.of(loopback)), 1024, 2);
        assertEquals(200, http.get(http.target(loopback), "/ok", Duration.ofSeconds(5)).status());
        assertThrows(OutboundRefusedException.class, () -> http.get(http.target(loopback), "/hop", Duration.ofSeconds(5)));
        assertThrows(OutboundRefusedException.class, () -> http.get(http.target(localhost), "/ok", Duration.ofSeconds(5)));
    }

    @Test
    void aTrustedSchedulersLocationIsCalledLikeTheNodesOwn() throws Exception {
        OutboundHttp http = new OutboundHttp(OutboundHttp.newClient(Duration.ofSeconds(2)),
                new OutboundPolicy(false, List.of(), List::of, List.of("trusted-wallet")), 1024, 2);
        assertEquals(200, http.get(http.target(loopback, "trusted-wallet"), "/ok", Duration.ofSeconds(5)).status());
        assertThrows(OutboundRefusedException.class,
                () -> http.get(http.target(loopback, "another-wallet"), "/ok", Duration.ofSeconds(5)));
    }

    @Test
    void untrustedCallsPastTheBudgetFailAtOnce() throws Exception {
        OutboundHttp http = new OutboundHttp(OutboundHttp.newClient(Duration.ofSeconds(2)),
                new OutboundPolicy(false, List.of("localhost"), () -> List.of(loopback)), 1024, 2, 1);
        Thread hanging = Thread.ofVirtual().start(() -> {
            try {
                http.get(http.target(localhost), "/slow", Duration.ofSeconds(3));
            } catch (Exception e) {
                // the slow call times out; only its slot matters here
            }
        });
        Await.until("the slow call in progress", Duration.ofSeconds(5), Duration.ofMillis(20),
                () -> requests.contains("GET /slow"));
        long start = System.nanoTime();
        assertThrows(OutboundBusyException.class, () -> http.get(http.target(localhost), "/ok", Duration.ofSeconds(3)));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused at once, without waiting for a slot");
        assertEquals(200, http.get(http.target(loopback), "/ok", Duration.ofSeconds(3)).status(),
                "a trusted unit is called whatever the budget");
        hanging.join();
        assertEquals(200, http.get(http.target(localhost), "/ok", Duration.ofSeconds(3)).status(), "the slot came back");
    }

    @Test
    void answersAreCappedAndTheWholeExchangeHasADeadline() throws Exception {
        assertArrayEquals(new byte[4096], http(4096).get(http(4096).target(localhost), "/big", Duration.ofSeconds(5)).body());
        OutboundHttp small = http(4095);
        assertThrows(ResponseTooLargeException.class, () -> small.get(small.target(localhost), "/big", Duration.ofSeconds(5)));
        long start = System.nanoTime();
        IOException slow = assertThrows(IOException.class,
                () -> small.get(small.target(localhost), "/slow", Duration.ofMillis(500)));
        assertTrue(slow instanceof HttpTimeoutException, slow.toString());
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "the body's slowness does not extend the deadline");
    }
}
