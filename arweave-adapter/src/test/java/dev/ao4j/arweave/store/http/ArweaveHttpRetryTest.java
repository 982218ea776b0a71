package dev.ao4j.arweave.store.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.InvalidItemException;
import dev.ao4j.arweave.store.StoreUnavailableException;
import dev.ao4j.arweave.store.TestItems;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, backoff and refusals of the HTTP adapter, against a loopback server that misbehaves on purpose. */
class ArweaveHttpRetryTest {
    private HttpServer server;
    private final AtomicInteger infoCalls = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // /info fails twice with 503, then answers; /block/height/7 answers.
        server.createContext("/info", exchange -> {
            if (infoCalls.incrementAndGet() <= 2) {
                reply(exchange, 503, "busy");
            } else {
                reply(exchange, 200, "{\"height\": 7, \"current\": \"B7\"}");
            }
        });
        server.createContext("/block/height/7", exchange -> reply(exchange, 200,
                "{\"indep_hash\": \"B7\", \"height\": 7, \"previous_block\": \"B6\", \"timestamp\": 1700000000}"));
        // The bundler refuses every item as a client error: no retry.
        server.createContext("/tx/arweave", exchange -> {
            uploads.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            reply(exchange, 400, "{\"error\": \"insufficient balance\"}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ArweaveHttpPermastore store(int attempts) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new ArweaveHttpPermastore(new ArweaveHttpConfig(base, base, "arweave", Duration.ofSeconds(5), attempts, Duration.ofMillis(5)));
    }

    @Test
    void serverErrorsAreRetriedUntilAnAnswer() throws Exception {
        try (ArweaveHttpPermastore store = store(3)) {
            assertEquals(new BlockInfo(7, "B7", "B6", 1700000000), store.currentBlock());
            assertEquals(3, infoCalls.get());
        }
    }

    @Test
    void tooFewAttemptsEndInATypedErrorWithTheLastAnswer() {
        try (ArweaveHttpPermastore store = store(2)) {
            StoreUnavailableException error = assertThrows(StoreUnavailableException.class, store::currentBlock);
            assertTrue(error.getMessage().contains("503") && error.getMessage().contains("after 2 attempts"), error.getMessage());
        }
    }

    @Test
    void aBundlerRefusalIsNotRetriedAndNamesTheReason() {
        DataItem item = TestItems.item("refused", "Run", "refusal");
        try (ArweaveHttpPermastore store = store(4)) {
            InvalidItemException error = assertThrows(InvalidItemException.class, () -> store.put(item));
            assertTrue(error.getMessage().contains("insufficient balance"), error.getMessage());
            assertEquals(1, uploads.get());
        }
    }

    @Test
    void anItemThatDoesNotVerifyIsNeverUploaded() throws Exception {
        DataItem forged = DataItem.parse(TestItems.tampered(TestItems.item("forged", "Run", "refusal")));
        try (ArweaveHttpPermastore store = store(4)) {
            assertEquals("signature", assertThrows(InvalidItemException.class, () -> store.put(forged)).field());
            assertEquals(0, uploads.get());
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
