package dev.ao4j.mu.adapter;

import java.nio.file.Files;
import java.nio.file.Path;

/** The contract on the embedded store: each instance opens the same SQLite file. */
class SqliteMuStoreTest extends MuStoreContract {
    private Path file;

    @Override
    protected void prepare() throws Exception {
        file = Files.createTempDirectory("mu-store").resolve("mu/mu.db");
    }

    @Override
    protected Instance openInstance() {
        SqliteMuStore store = new SqliteMuStore(file);
        return new Instance(store, store, store, store);
    }
}
