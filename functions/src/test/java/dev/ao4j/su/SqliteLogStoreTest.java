package dev.ao4j.su;

import dev.ao4j.su.embedded.SqliteLogStore;
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
