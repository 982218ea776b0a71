package dev.ao4j.mu.adapter;

import dev.ao4j.mu.port.Monitors;
import dev.ao4j.mu.port.SignedItems;
import dev.ao4j.mu.port.StepPayloads;
import dev.ao4j.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MU's own state in {@code <data-dir>/mu/mu.db} (WAL, synchronous=FULL): the items its crank steps signed,
 * the payloads of steps too large for a queue message, and the cron subscriptions with their cursors. Signed items
 * and payloads older than {@link SignedItems#RETENTION} are dropped on open.
 */
public final class SqliteMuStore implements SignedItems, StepPayloads, Monitors, AutoCloseable {
    private final Connection connection;

    public SqliteMuStore(Path file) {
        try {
            connection = SqliteFiles.open(file, SqliteFiles.Sync.FULL);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS signed_items (step TEXT PRIMARY KEY, raw BLOB NOT NULL,"
                        + " signed_at INTEGER NOT NULL)");
                statement.execute("CREATE TABLE IF NOT EXISTS step_payloads (task TEXT PRIMARY KEY, payload TEXT NOT NULL,"
                        + " stored_at INTEGER NOT NULL)");
                statement.execute("CREATE TABLE IF NOT EXISTS monitors (process_id TEXT PRIMARY KEY, cursor TEXT,"
                        + " since INTEGER NOT NULL)");
            }
            long expired = System.currentTimeMillis() - RETENTION.toMillis();
            update("DELETE FROM signed_items WHERE signed_at < ?", expired);
            update("DELETE FROM step_payloads WHERE stored_at < ?", expired);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the MU store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<byte[]> find(String stepKey) {
        return query("SELECT raw FROM signed_items WHERE step = ?", rows -> rows.next() ? Optional.of(rows.getBytes(1))
                : Optional.<byte[]>empty(), stepKey);
    }

    @Override
    public synchronized byte[] putIfAbsent(String stepKey, byte[] raw) {
        update("INSERT OR IGNORE INTO signed_items (step, raw, signed_at) VALUES (?, ?, ?)", stepKey, raw,
                System.currentTimeMillis());
        return find(stepKey).orElseThrow();
    }

    @Override
    public synchronized void keep(String taskId, String payloadJson) {
        update("INSERT OR REPLACE INTO step_payloads (task, payload, stored_at) VALUES (?, ?, ?)", taskId, payloadJson,
                System.currentTimeMillis());
    }

    @Override
    public synchronized Optional<String> payload(String taskId) {
        return query("SELECT payload FROM step_payloads WHERE task = ?", rows -> rows.next() ? Optional.of(rows.getString(1))
                : Optional.<String>empty(), taskId);
    }

    @Override
    public synchronized boolean add(String processId) {
        return update("INSERT OR IGNORE INTO monitors (process_id, cursor, since) VALUES (?, NULL, ?)", processId,
                System.currentTimeMillis()) == 1;
    }

    @Override
    public synchronized boolean remove(String processId) {
        return update("DELETE FROM monitors WHERE process_id = ?", processId) == 1;
    }

    @Override
    public synchronized List<Subscription> all() {
        return query("SELECT process_id, cursor FROM monitors ORDER BY since", rows -> {
            List<Subscription> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new Subscription(rows.getString(1), Optional.ofNullable(rows.getString(2))));
            }
            return all;
        });
    }

    @Override
    public synchronized void saveCursor(String processId, String cursor) {
        update("UPDATE monitors SET cursor = ? WHERE process_id = ?", cursor, processId);
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> reader, Object... args) {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("MU store: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("MU store: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown
        }
    }
}
