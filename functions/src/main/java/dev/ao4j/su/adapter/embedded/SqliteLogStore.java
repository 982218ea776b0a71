package dev.ao4j.su.adapter.embedded;

import dev.ao4j.sqlite.SqliteFiles;
import dev.ao4j.su.core.Slot;
import dev.ao4j.su.port.AppendConflict;
import dev.ao4j.su.port.LogStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SU log in one SQLite file (WAL, synchronous=FULL): an append that returned survives kill -9.
 * Uniqueness of (process, nonce), (process, message id) and (process, dedupe key) is enforced by the
 * schema, so a lost race surfaces as a constraint failure and becomes an {@link AppendConflict}.
 */
public final class SqliteLogStore implements LogStore {
    private static final String COLUMNS =
            "process_id, nonce, epoch, ts, block_height, hash_chain, assignment_id, assignment, message_id, message, dedupe_key";

    private final Connection connection;

    public SqliteLogStore(Path file) {
        try {
            connection = SqliteFiles.open(file, SqliteFiles.Sync.FULL);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS slots (
                          process_id TEXT NOT NULL, nonce INTEGER NOT NULL, epoch INTEGER NOT NULL,
                          ts INTEGER NOT NULL, block_height INTEGER NOT NULL, hash_chain TEXT NOT NULL,
                          assignment_id TEXT NOT NULL, assignment BLOB NOT NULL,
                          message_id TEXT NOT NULL, message BLOB, dedupe_key TEXT,
                          pending_upload INTEGER NOT NULL DEFAULT 1,
                          PRIMARY KEY (process_id, nonce))""");
                statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS slots_message ON slots(process_id, message_id)");
                statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS slots_dedupe ON slots(process_id, dedupe_key)"
                        + " WHERE dedupe_key IS NOT NULL");
                statement.execute("CREATE INDEX IF NOT EXISTS slots_ts ON slots(process_id, ts)");
                statement.execute("CREATE INDEX IF NOT EXISTS slots_pending ON slots(ts) WHERE pending_upload = 1");
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the SU log at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Slot> slot(String processId, long nonce) {
        return one("SELECT " + COLUMNS + " FROM slots WHERE process_id = ? AND nonce = ?", processId, nonce);
    }

    @Override
    public synchronized Optional<Slot> latest(String processId) {
        return one("SELECT " + COLUMNS + " FROM slots WHERE process_id = ? ORDER BY nonce DESC LIMIT 1", processId);
    }

    @Override
    public synchronized Optional<Slot> findMessage(String processId, String messageId) {
        return one("SELECT " + COLUMNS + " FROM slots WHERE process_id = ? AND message_id = ?", processId, messageId);
    }

    @Override
    public synchronized Optional<Slot> findDedupe(String processId, String dedupeKey) {
        return one("SELECT " + COLUMNS + " FROM slots WHERE process_id = ? AND dedupe_key = ?", processId, dedupeKey);
    }

    @Override
    public synchronized List<Slot> range(String processId, long afterTimestamp, long toTimestamp, int limit,
                                         long maxBytes) {
        if (limit < 1) {
            return List.of(); // SQLite reads a negative LIMIT as no limit at all
        }
        return many(maxBytes, "SELECT " + COLUMNS + " FROM slots WHERE process_id = ? AND ts > ? AND ts <= ?"
                + " ORDER BY nonce LIMIT ?", processId, afterTimestamp, toTimestamp, limit);
    }

    @Override
    public synchronized void append(List<Slot> consecutive) throws AppendConflict {
        if (consecutive.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            try {
                Slot first = consecutive.getFirst();
                if (first.nonce() > 0 && slot(first.processId(), first.nonce() - 1).isEmpty()) {
                    throw new AppendConflict("slot " + (first.nonce() - 1) + " of " + first.processId() + " is missing");
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO slots (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Slot slot : consecutive) {
                        bind(insert, slot.processId(), slot.nonce(), slot.epoch(), slot.timestamp(), slot.blockHeight(),
                                slot.hashChain(), slot.assignmentId(), slot.assignment(), slot.messageId(), slot.message(),
                                slot.dedupeKey());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | AppendConflict | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (isConstraintViolation(e)) {
                throw new AppendConflict("slot, message or dedupe key already taken: " + e.getMessage(), e);
            }
            throw new IllegalStateException("SU log write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Slot> pendingUploads(int limit) {
        return many("SELECT " + COLUMNS + " FROM slots WHERE pending_upload = 1 ORDER BY ts LIMIT ?", limit);
    }

    @Override
    public synchronized void markUploaded(List<Slot> uploaded) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE slots SET pending_upload = 0 WHERE process_id = ? AND nonce = ?")) {
                for (Slot slot : uploaded) {
                    bind(update, slot.processId(), slot.nonce());
                    update.addBatch();
                }
                update.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SU log update failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the SU log failed: " + e.getMessage(), e);
        }
    }

    private static boolean isConstraintViolation(SQLException e) {
        return e instanceof SQLiteException sqlite
                && sqlite.getResultCode().code == SQLiteErrorCode.SQLITE_CONSTRAINT.code
                || e.getErrorCode() == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
    }

    private Optional<Slot> one(String sql, Object... args) {
        List<Slot> slots = many(sql, args);
        return slots.isEmpty() ? Optional.empty() : Optional.of(slots.getFirst());
    }

    private List<Slot> many(String sql, Object... args) {
        return many(Long.MAX_VALUE, sql, args);
    }

    private List<Slot> many(long maxBytes, String sql, Object... args) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, args);
            try (ResultSet rows = query.executeQuery()) {
                List<Slot> slots = new ArrayList<>();
                long bytes = 0;
                while (bytes < maxBytes && rows.next()) {
                    Slot slot = new Slot(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getString(9),
                            rows.getBytes(10), rows.getString(11));
                    slots.add(slot);
                    bytes += slot.size();
                }
                return slots;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SU log read failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
