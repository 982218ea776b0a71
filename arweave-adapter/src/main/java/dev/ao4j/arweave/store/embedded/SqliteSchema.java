package dev.ao4j.arweave.store.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The store's SQLite layout and connection settings. WAL with synchronous=FULL: a commit returns only after
 * the WAL is fsynced, so an acknowledged put survives kill -9 and power loss, and SQLite's journal keeps
 * the b-trees (the indexes) consistent at any instant.
 */
final class SqliteSchema {
    static final int VERSION = 1;

    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS items (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          owner_address TEXT NOT NULL,
          recipient TEXT,
          bundled_in TEXT,
          height INTEGER NOT NULL,
          accepted_ms INTEGER NOT NULL,
          data_size INTEGER NOT NULL,
          content_type TEXT,
          header BLOB NOT NULL,
          data BLOB NOT NULL)""",
        // Secondary indexes end with the rowid (seq), so each is ordered by insertion = by height.
        "CREATE INDEX IF NOT EXISTS items_by_owner ON items(owner_address)",
        "CREATE INDEX IF NOT EXISTS items_by_recipient ON items(recipient) WHERE recipient IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS items_by_bundle ON items(bundled_in) WHERE bundled_in IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS items_by_height ON items(height)",
        // One row per distinct (name, value) of an item: the tag index, ordered by seq within a name/value.
        """
        CREATE TABLE IF NOT EXISTS item_tags (
          name TEXT NOT NULL,
          value TEXT NOT NULL,
          seq INTEGER NOT NULL,
          PRIMARY KEY (name, value, seq)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS blocks (
          height INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          previous TEXT NOT NULL,
          timestamp INTEGER NOT NULL)""",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    };

    private SqliteSchema() {}

    static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-16_384); // KiB: 16 MiB page cache per connection
        config.setReadOnly(readOnly);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
            statement.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '" + VERSION + "')");
        }
    }
}
