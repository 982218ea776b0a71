package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedPermastoreContractTest extends PermastoreContract {
    @TempDir
    static Path dataDir;
    private EmbeddedPermastore store;

    @BeforeAll
    void open() throws Exception {
        store = EmbeddedPermastore.open(dataDir, BlockClock.manual());
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Override
    protected Permastore store() {
        return store;
    }

    @Override
    protected void mine() throws Exception {
        store.mine(1);
    }
}
