package dev.ao4j.arweave.store.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreContract;
import dev.ao4j.arweave.store.StoreUnavailableException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The permanent-store contract against a real Arweave gateway implementation (arlocal) through the HTTP adapter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArlocalPermastoreContractTest extends PermastoreContract {
    private Arlocal arlocal;
    private ArweaveHttpPermastore store;

    @BeforeAll
    void start() throws Exception {
        arlocal = Arlocal.start();
        store = new ArweaveHttpPermastore(new ArweaveHttpConfig(arlocal.gateway, arlocal.bundler, "arweave", Duration.ofSeconds(20), 2, Duration.ofMillis(100)));
    }

    @AfterAll
    void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (arlocal != null) {
            arlocal.close();
        }
    }

    @Override
    protected Permastore store() {
        return store;
    }

    @Override
    protected void mine() throws Exception {
        arlocal.mine();
    }

    @Override
    protected boolean reportsBundledIn() {
        return false;
    }

    @Test
    void aGatewayThatIsDownIsAClearTypedError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + port);
        try (ArweaveHttpPermastore unreachable = new ArweaveHttpPermastore(new ArweaveHttpConfig(down, down, "arweave", Duration.ofSeconds(2), 3, Duration.ofMillis(10)))) {
            StoreUnavailableException error = assertThrows(StoreUnavailableException.class, unreachable::currentBlock);
            assertTrue(error.getMessage().contains(down.toString()) && error.getMessage().contains("after 3 attempts"), error.getMessage());
        }
    }
}
