package dev.ao4j.sqlite;

import dev.ao4j.arweave.wallet.PrivateFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * Opens the SQLite files the embedded units keep (SU log, CU results, MU queue) the one way: WAL journal,
 * a chosen sync level, a busy timeout. The driver is called directly, not through DriverManager, which only
 * sees drivers of the caller's class loader (not the case under Quarkus's class loaders).
 */
public final class SqliteFiles {
    /** {@code FULL}: a commit that returned survives power loss; {@code NORMAL}: it survives a process crash. */
    public enum Sync { FULL, NORMAL }

    private SqliteFiles() {}

    public static Connection open(Path file, Sync sync) throws SQLException {
        Path absolute = file.toAbsolutePath();
        try {
            PrivateFiles.createDirectories(absolute.getParent()); // the data directory: its owner's only
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + absolute.getParent() + ": " + e.getMessage(), e);
        }
        Connection connection = new JDBC().connect("jdbc:sqlite:" + absolute, new Properties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=" + sync.name());
            statement.execute("PRAGMA busy_timeout=10000");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
