package dev.ao4j.mu.queue.embedded;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.Lease;
import dev.ao4j.mu.queue.QueueBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The node's queue: SQLite under the data directory. Only the head (lowest sequence number) of each group is
 * ever leased, and a failed head keeps its place, so each group runs in enqueue order, one task at a time.
 * A lease lasts {@code leaseTime} unless renewed: the task of a consumer that died comes back after that.
 */
public final class SqliteTaskQueue implements QueueBackend {
    private static final Logger LOG = Logger.getLogger(SqliteTaskQueue.class);
    /** The due group heads, oldest first: read through crank_heads' index, never by grouping every task. */
    static final String CLAIM = "SELECT t.seq, t.id, t.grp, t.type, t.payload, t.attempts FROM crank_heads h"
            + " JOIN crank_tasks t ON t.seq = h.seq WHERE h.due <= ? ORDER BY h.due, h.seq LIMIT ?";

    private final QueueDatabase database;
    private final Duration leaseTime;
    private final Duration dedupeWindow;
    private final String owner = UUID.randomUUID().toString();
    private final Object wakeUp = new Object();
    private boolean woken;
    private int completionsSincePurge;

    private SqliteTaskQueue(QueueDatabase database, Duration leaseTime, Duration dedupeWindow) {
        this.database = database;
        this.leaseTime = leaseTime;
        this.dedupeWindow = dedupeWindow;
    }

    /** Opens (creating if needed) {@code <dataDir>/mu-queue.db}. */
    public static SqliteTaskQueue open(Path dataDir, Duration leaseTime, Duration dedupeWindow) {
        return new SqliteTaskQueue(QueueDatabase.open(dataDir), leaseTime, dedupeWindow);
    }

    @Override
    public void enqueue(CrankTask task) {
        long now = System.currentTimeMillis();
        database.write("enqueue " + task.id(), c -> {
            if (exists(c, "SELECT 1 FROM crank_done WHERE id = ? AND done_at >= ?", task.id(), now - dedupeWindow.toMillis())
                    || exists(c, "SELECT 1 FROM crank_dead_letters WHERE id = ?", task.id())) {
                return 0;
            }
            int added = QueueDatabase.update(c, "INSERT OR IGNORE INTO crank_tasks (id, grp, type, payload, available_at,"
                    + " enqueued_at) VALUES (?, ?, ?, ?, ?, ?)", task.id(), task.group(), task.type(), task.payloadJson(), now, now);
            if (added > 0) {
                QueueDatabase.refreshHead(c, task.group());
            }
            return added;
        });
        wake();
    }

    @Override
    public List<Lease> claim(int max, Duration wait) {
        long deadline = System.currentTimeMillis() + wait.toMillis();
        while (true) {
            List<Lease> leases = tryClaim(max);
            long now = System.currentTimeMillis();
            if (!leases.isEmpty() || now >= deadline) {
                return leases;
            }
            long nextDue = database.read("find the next due task", c -> nextDue(c, now));
            long sleep = Math.max(1, Math.min(deadline - now, nextDue - now));
            synchronized (wakeUp) {
                if (!woken) {
                    try {
                        wakeUp.wait(sleep);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return List.of();
                    }
                }
                woken = false;
            }
        }
    }

    private List<Lease> tryClaim(int max) {
        long now = System.currentTimeMillis();
        return database.write("claim tasks", c -> {
            List<Lease> leases = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(CLAIM)) {
                select.setLong(1, now);
                select.setInt(2, max);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        CrankTask task = new CrankTask(rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getInt(6) + 1);
                        leases.add(new Lease(task, owner + ":" + rows.getLong(1)));
                    }
                }
            }
            for (Lease lease : leases) {
                QueueDatabase.update(c, "UPDATE crank_tasks SET attempts = attempts + 1, lease_owner = ?, lease_until = ?"
                        + " WHERE seq = ?", owner, now + leaseTime.toMillis(), seq(lease));
                QueueDatabase.refreshHead(c, lease.task().group());
            }
            return leases;
        });
    }

    private static long nextDue(Connection c, long now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MIN(due) FROM crank_heads");
             ResultSet rows = select.executeQuery()) {
            long due = rows.next() ? rows.getLong(1) : 0;
            return rows.wasNull() || due == 0 ? Long.MAX_VALUE : due;
        }
    }

    @Override
    public void complete(Lease lease) {
        long now = System.currentTimeMillis();
        boolean purge = ++completionsSincePurge % 256 == 0;
        int deleted = database.write("complete " + lease.task().id(), c -> {
            int n = QueueDatabase.update(c, "DELETE FROM crank_tasks WHERE seq = ? AND lease_owner = ?", seq(lease), owner);
            QueueDatabase.refreshHead(c, lease.task().group());
            QueueDatabase.update(c, "INSERT OR REPLACE INTO crank_done (id, done_at) VALUES (?, ?)", lease.task().id(), now);
            if (purge) {
                QueueDatabase.update(c, "DELETE FROM crank_done WHERE done_at < ?", now - dedupeWindow.toMillis());
            }
            return n;
        });
        warnIfLost(lease, deleted, "completed");
        wake();
    }

    @Override
    public void retryLater(Lease lease, Duration delay, String error) {
        long readyAt = System.currentTimeMillis() + delay.toMillis();
        int updated = database.write("retry " + lease.task().id(), c -> {
            int n = QueueDatabase.update(c, "UPDATE crank_tasks SET available_at = ?, lease_owner = NULL, lease_until = 0,"
                    + " last_error = ? WHERE seq = ? AND lease_owner = ?", readyAt, error, seq(lease), owner);
            QueueDatabase.refreshHead(c, lease.task().group());
            return n;
        });
        warnIfLost(lease, updated, "retried");
        wake();
    }

    @Override
    public void deadLetter(Lease lease, String error) {
        long now = System.currentTimeMillis();
        int moved = database.write("dead-letter " + lease.task().id(), c -> {
            int n = QueueDatabase.update(c, "INSERT OR REPLACE INTO crank_dead_letters (id, grp, type, payload, attempts,"
                    + " last_error, failed_at) SELECT id, grp, type, payload, attempts, ?, ? FROM crank_tasks"
                    + " WHERE seq = ? AND lease_owner = ?", error, now, seq(lease), owner);
            QueueDatabase.update(c, "DELETE FROM crank_tasks WHERE seq = ? AND lease_owner = ?", seq(lease), owner);
            QueueDatabase.refreshHead(c, lease.task().group());
            return n;
        });
        warnIfLost(lease, moved, "dead-lettered");
        wake();
    }

    @Override
    public void extend(List<Lease> leases) {
        long until = System.currentTimeMillis() + leaseTime.toMillis();
        database.write("renew leases", c -> {
            for (Lease lease : leases) {
                QueueDatabase.update(c, "UPDATE crank_tasks SET lease_until = ? WHERE seq = ? AND lease_owner = ?",
                        until, seq(lease), owner);
                QueueDatabase.refreshHead(c, lease.task().group());
            }
            return null;
        });
    }

    /** Tasks queued (including leased and waiting to be retried). */
    public int size() {
        return database.read("count tasks", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM crank_tasks");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        });
    }

    @Override
    public OptionalLong depth() {
        return OptionalLong.of(size());
    }

    @Override
    public OptionalLong deadLetterCount() {
        return OptionalLong.of(database.read("count dead letters", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM crank_dead_letters");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        }));
    }

    /** This file's dead letters, through the same connection. */
    public SqliteDeadLetters deadLetters() {
        return new SqliteDeadLetters(database, this::wake);
    }

    private void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private static long seq(Lease lease) {
        return Long.parseLong(lease.receipt().substring(lease.receipt().lastIndexOf(':') + 1));
    }

    private static void warnIfLost(Lease lease, int rows, String outcome) {
        if (rows == 0) {
            LOG.warnf("crank task %s could not be %s: its lease had expired and it was handed out again",
                    lease.task().id(), outcome);
        }
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
