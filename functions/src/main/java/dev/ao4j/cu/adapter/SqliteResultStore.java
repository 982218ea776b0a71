package dev.ao4j.cu.adapter;

import dev.ao4j.cu.port.ResultStore;
import dev.ao4j.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluation results in one SQLite file under the data dir (WAL). Rows are keyed by (process, timestamp,
 * ordinate, cron) — the evaluation order — so a replay after a restart finds its rows already there.
 * Scheduled messages have {@code cron = ''} in the table (SQLite keys cannot hold null).
 */
public final class SqliteResultStore implements ResultStore {
    private static final String COLUMNS = "process_id, ts, ordinate, cron, message_id, nonce, epoch, block_height,"
            + " deep_hash, is_assignment, is_error, result, memory_sha256";

    private final Connection connection;

    public SqliteResultStore(Path file) {
        try {
            // NORMAL: a result lost with the machine (not the process) is recomputed from the log.
            connection = SqliteFiles.open(file, SqliteFiles.Sync.NORMAL);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS evaluations (
                          process_id TEXT NOT NULL, ts INTEGER NOT NULL, ordinate INTEGER NOT NULL, cron TEXT NOT NULL,
                          message_id TEXT, nonce INTEGER NOT NULL, epoch INTEGER NOT NULL, block_height INTEGER NOT NULL,
                          deep_hash TEXT, is_assignment INTEGER NOT NULL, is_error INTEGER NOT NULL, result TEXT NOT NULL,
                          memory_sha256 TEXT, attestation BLOB,
                          PRIMARY KEY (process_id, ts, ordinate, cron))""");
                statement.execute("CREATE INDEX IF NOT EXISTS evaluations_message ON evaluations(process_id, message_id)"
                        + " WHERE message_id IS NOT NULL");
                statement.execute("CREATE INDEX IF NOT EXISTS evaluations_deep_hash ON evaluations(process_id, deep_hash)"
                        + " WHERE deep_hash IS NOT NULL");
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the CU result store at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void saveAll(List<Evaluation> evaluations) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO evaluations (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Evaluation e : evaluations) {
                    insert.setString(1, e.processId());
                    insert.setLong(2, e.timestamp());
                    insert.setLong(3, e.ordinate());
                    insert.setString(4, e.cron() == null ? "" : e.cron());
                    insert.setString(5, e.messageId());
                    insert.setLong(6, e.nonce());
                    insert.setLong(7, e.epoch());
                    insert.setLong(8, e.blockHeight());
                    insert.setString(9, e.deepHash());
                    insert.setInt(10, e.isAssignment() ? 1 : 0);
                    insert.setInt(11, e.error() ? 1 : 0);
                    insert.setString(12, e.result());
                    if (e.memorySha256() == null) {
                        insert.setNull(13, Types.VARCHAR);
                    } else {
                        insert.setString(13, e.memorySha256());
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot store evaluation results: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized void saveMemorySha256(String processId, long timestamp, long ordinate, String cron,
                                              String memorySha256) {
        // Only where none is recorded yet: the hash of a row never changes.
        updateRow("memory_sha256", memorySha256, " AND memory_sha256 IS NULL", processId, timestamp, ordinate, cron,
                "a memory hash");
    }

    @Override
    public synchronized Optional<Evaluation> byMessage(String processId, String messageId) {
        List<Evaluation> rows = query("SELECT " + COLUMNS + " FROM evaluations WHERE process_id = ? AND message_id = ?"
                + " AND cron = '' ORDER BY ts LIMIT 1", processId, messageId);
        return rows.stream().findFirst();
    }

    @Override
    public synchronized boolean evaluatedBefore(String processId, String deepHash, String messageId, long nonce) {
        String column = deepHash != null ? "deep_hash" : "message_id";
        return !query("SELECT " + COLUMNS + " FROM evaluations WHERE process_id = ? AND " + column + " = ?"
                + " AND cron = '' AND nonce >= 0 AND nonce < ? LIMIT 1",
                processId, deepHash != null ? deepHash : messageId, nonce).isEmpty();
    }

    @Override
    public synchronized List<Evaluation> range(String processId, Bound from, Bound to, boolean descending, int limit,
                                               boolean cronOnly, boolean withErrors) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM evaluations WHERE process_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(processId);
        if (from != null) {
            sql.append(" AND ").append(after(from, args));
        }
        if (to != null) {
            sql.append(" AND NOT ").append(after(to, args));
        }
        if (cronOnly) {
            sql.append(" AND cron <> ''");
        }
        if (!withErrors) {
            sql.append(" AND is_error = 0");
        }
        String direction = descending ? " DESC" : " ASC";
        sql.append(" ORDER BY ts").append(direction).append(", ordinate").append(direction).append(", cron")
                .append(direction).append(" LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    /** The condition "(ts, ordinate, cron) is after the bound", with its arguments appended. */
    private static String after(Bound bound, List<Object> args) {
        if (bound.ordinate() == null) {
            args.add(bound.timestamp());
            return "(ts > ?)";
        }
        String cron = bound.cron() == null ? "" : bound.cron();
        args.add(bound.timestamp());
        args.add(bound.timestamp());
        args.add(bound.ordinate());
        args.add(bound.timestamp());
        args.add(bound.ordinate());
        args.add(cron);
        return "(ts > ? OR (ts = ? AND ordinate > ?) OR (ts = ? AND ordinate = ? AND cron > ?))";
    }

    @Override
    public synchronized Optional<byte[]> attestation(String processId, long timestamp, long ordinate, String cron) {
        try (PreparedStatement select = connection.prepareStatement("SELECT attestation FROM evaluations"
                + " WHERE process_id = ? AND ts = ? AND ordinate = ? AND cron = ?")) {
            select.setString(1, processId);
            select.setLong(2, timestamp);
            select.setLong(3, ordinate);
            select.setString(4, cron == null ? "" : cron);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an attestation: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void saveAttestation(String processId, long timestamp, long ordinate, String cron, byte[] attestation) {
        updateRow("attestation", attestation, "", processId, timestamp, ordinate, cron, "an attestation");
    }

    /** Sets one column of the row keyed (process, timestamp, ordinate, cron), narrowed by {@code condition}. */
    private void updateRow(String column, Object value, String condition, String processId, long timestamp,
                           long ordinate, String cron, String what) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE evaluations SET " + column + " = ?"
                + " WHERE process_id = ? AND ts = ? AND ordinate = ? AND cron = ?" + condition)) {
            update.setObject(1, value);
            update.setString(2, processId);
            update.setLong(3, timestamp);
            update.setLong(4, ordinate);
            update.setString(5, cron == null ? "" : cron);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to do
        }
    }

    private List<Evaluation> query(String sql, Object... args) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            List<Evaluation> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String cron = rs.getString(4);
                    out.add(new Evaluation(rs.getString(1), rs.getLong(2), rs.getLong(3), cron.isEmpty() ? null : cron,
                            rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                            rs.getInt(10) == 1, rs.getInt(11) == 1, rs.getString(12), rs.getString(13)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read evaluation results: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is reported
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next use reports it
        }
    }
}
