package dev.ao4j.mu.queue.embedded;

import dev.ao4j.mu.queue.DeadLetter;
import dev.ao4j.mu.queue.DeadLetters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The embedded queue's dead letters: a table; replay moves a row back to the tail of its group. */
public final class SqliteDeadLetters implements DeadLetters {
    private static final String COLUMNS = "id, grp, type, attempts, last_error, failed_at, payload";

    private final QueueDatabase database;
    private final Runnable onReplay;
    private final boolean ownsDatabase;

    SqliteDeadLetters(QueueDatabase database, Runnable onReplay) {
        this(database, onReplay, false);
    }

    private SqliteDeadLetters(QueueDatabase database, Runnable onReplay, boolean ownsDatabase) {
        this.database = database;
        this.onReplay = onReplay;
        this.ownsDatabase = ownsDatabase;
    }

    /** The dead letters in {@code <dataDir>/mu-queue.db}, for the {@code ao4j mu} commands. */
    public static SqliteDeadLetters open(Path dataDir) {
        return new SqliteDeadLetters(QueueDatabase.open(dataDir), () -> { }, true);
    }

    @Override
    public List<DeadLetter> list() {
        return database.read("list dead letters", c -> select(c, "SELECT " + COLUMNS
                + " FROM crank_dead_letters ORDER BY failed_at, id"));
    }

    @Override
    public boolean replay(String id) {
        boolean replayed = database.write("replay " + id, c -> requeue(c, select(c, "SELECT " + COLUMNS
                + " FROM crank_dead_letters WHERE id = ?", id))) > 0;
        onReplay.run();
        return replayed;
    }

    @Override
    public int replayAll() {
        int replayed = database.write("replay all dead letters", c -> requeue(c, select(c, "SELECT " + COLUMNS
                + " FROM crank_dead_letters ORDER BY failed_at, id")));
        onReplay.run();
        return replayed;
    }

    /** Back at the tail of the group with no attempts used; the id is no longer remembered as done. */
    private static int requeue(Connection c, List<DeadLetter> letters) throws SQLException {
        long now = System.currentTimeMillis();
        for (DeadLetter letter : letters) {
            QueueDatabase.update(c, "DELETE FROM crank_done WHERE id = ?", letter.id());
            QueueDatabase.update(c, "INSERT OR IGNORE INTO crank_tasks (id, grp, type, payload, available_at, enqueued_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", letter.id(), letter.group(), letter.type(), letter.payloadJson(), now, now);
            QueueDatabase.update(c, "DELETE FROM crank_dead_letters WHERE id = ?", letter.id());
            QueueDatabase.refreshHead(c, letter.group());
        }
        return letters.size();
    }

    private static List<DeadLetter> select(Connection c, String sql, Object... args) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetter(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)), rows.getString(7)));
                }
            }
        }
        return letters;
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            database.close();
        }
    }
}
