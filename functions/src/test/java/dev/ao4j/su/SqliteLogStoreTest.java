package dev.ao4j.su;

import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.port.LogStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteLogStoreTest extends LogStoreContract {
    @TempDir
    Path dir;

    @Override
    protected LogStore openStore() {
        return new SqliteLogStore(dir.resolve("su-log.db"));
    }
}
