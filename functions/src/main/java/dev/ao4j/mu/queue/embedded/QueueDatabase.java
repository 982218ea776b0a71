package dev.ao4j.mu.queue.embedded;

import dev.ao4j.mu.queue.QueueException;
import dev.ao4j.sqlite.GroupCommit;
import dev.ao4j.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded queue's SQLite file (WAL, synchronous=FULL, so a committed enqueue survives kill -9): queued
 * tasks, recently completed ids (for idempotent enqueue) and dead letters. Several processes may open the same
 * file (the node and the {@code ao4j mu} commands); SQLite's locking and the busy timeout serialise them.
 */
final class QueueDatabase implements AutoCloseable {
    /** The file under the node's data directory. */
    static final String FILE_NAME = "mu-queue.db";
    private static final int MAX_GROUP = 256;

    private final Connection connection;
    private final GroupCommit<Pending<?>> commits =
            new GroupCommit<>(new ReentrantLock(), MAX_GROUP, this::commitBatch);
    private final AtomicLong committed = new AtomicLong();

    private QueueDatabase(Connection connection) {
        this.connection = connection;
    }

    static QueueDatabase open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Connection connection = SqliteFiles.open(file, SqliteFiles.Sync.FULL);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS crank_tasks (
                          seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, grp TEXT NOT NULL,
                          type TEXT NOT NULL, payload TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                          available_at INTEGER NOT NULL, lease_owner TEXT, lease_until INTEGER NOT NULL DEFAULT 0,
                          last_error TEXT, enqueued_at INTEGER NOT NULL)""");
                statement.execute("CREATE INDEX IF NOT EXISTS crank_tasks_group ON crank_tasks(grp, seq)");
                // The head of each group and when it may be leased: a claim reads this by its index instead of
                // grouping every queued task, however many an anonymous /mu/push spam left behind.
                statement.execute("CREATE TABLE IF NOT EXISTS crank_heads (grp TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
                        + " due INTEGER NOT NULL)");
                statement.execute("CREATE INDEX IF NOT EXISTS crank_heads_due ON crank_heads(due, seq)");
                statement.execute("DELETE FROM crank_heads"); // rebuilt from the tasks: also right for older files
                statement.execute("INSERT INTO crank_heads (grp, seq, due) SELECT t.grp, t.seq,"
                        + " MAX(t.available_at, t.lease_until) FROM crank_tasks t"
                        + " JOIN (SELECT grp, MIN(seq) AS head FROM crank_tasks GROUP BY grp) h ON t.seq = h.head");
                statement.execute("CREATE TABLE IF NOT EXISTS crank_done (id TEXT PRIMARY KEY, done_at INTEGER NOT NULL)");
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS crank_dead_letters (
                          id TEXT PRIMARY KEY, grp TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
                          attempts INTEGER NOT NULL, last_error TEXT, failed_at INTEGER NOT NULL)""");
            }
            return new QueueDatabase(connection);
        } catch (Exception e) {
            throw new QueueException("cannot open the MU queue at " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sets the head row of {@code group} from its tasks (none left: no row); every change to a group calls it. */
    static void refreshHead(Connection c, String group) throws SQLException {
        update(c, "DELETE FROM crank_heads WHERE grp = ?", group);
        update(c, "INSERT INTO crank_heads (grp, seq, due) SELECT grp, seq, MAX(available_at, lease_until)"
                + " FROM crank_tasks WHERE grp = ? ORDER BY seq LIMIT 1", group);
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a write transaction (taken up front, so concurrent claimers cannot interleave) and
     * answers once that transaction is committed. Writers that arrive while a commit is under way are committed
     * together in the next one (group commit): each work in its own savepoint, so one that fails is undone alone,
     * and one fsync serves them all. Nobody's answer comes before its work is durable.
     */
    <T> T write(String what, Work<T> work) {
        Pending<T> mine = new Pending<>(what, work);
        Throwable batchFailure = commits.submit(mine);
        return mine.outcome(batchFailure);
    }

    /** How many write transactions were committed (tests: a group commit is one). */
    long commits() {
        return committed.get();
    }

    /** Writers waiting for the next group commit (tests). */
    int waitingWriters() {
        return commits.waiting();
    }

    /** Runs a batch of works in one transaction, each in its own savepoint (the caller holds the write lock). */
    private void commitBatch(List<Pending<?>> batch) throws SQLException {
        synchronized (this) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    for (Pending<?> pending : batch) {
                        pending.runIn(connection, statement);
                    }
                    statement.execute("COMMIT");
                    committed.incrementAndGet();
                } catch (SQLException | RuntimeException | Error e) {
                    statement.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    /** One writer's work in a group commit: its result is kept until the commit, its failure in its savepoint. */
    private static final class Pending<T> {
        private final String what;
        private final Work<T> work;
        private T result;
        private Exception failure;

        Pending(String what, Work<T> work) {
            this.what = what;
            this.work = work;
        }

        void runIn(Connection connection, Statement statement) throws SQLException {
            statement.execute("SAVEPOINT work");
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK TO work");
                failure = e;
            }
            statement.execute("RELEASE work");
        }

        /** The work's result, or its own failure, or its batch's (then nothing of the batch was committed). */
        T outcome(Throwable batchFailure) {
            Throwable cause = batchFailure != null ? batchFailure : failure;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause != null) {
                throw new QueueException("MU queue: " + what + " failed: " + cause.getMessage(), cause);
            }
            return result;
        }
    }

    synchronized <T> T read(String what, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new QueueException("MU queue: " + what + " failed: " + e.getMessage(), e);
        }
    }

    static int update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new QueueException("MU queue: closing failed: " + e.getMessage(), e);
        }
    }
}
