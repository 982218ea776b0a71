package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A few read connections (WAL lets readers run beside the writer), opened on first need. */
final class ReaderPool implements AutoCloseable {
    interface Opener {
        Connection open() throws SQLException;
    }

    interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final Opener opener;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private boolean closed;

    ReaderPool(Opener opener, int size) {
        this.opener = opener;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    <T> T read(String what, Read<T> read) throws StoreUnavailableException {
        Connection connection = acquire(what);
        try {
            return read.apply(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("permanent store: " + what + " failed: " + e.getMessage(), e);
        } finally {
            idle.offer(connection);
        }
    }

    private Connection acquire(String what) throws StoreUnavailableException {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (this) {
            if (closed) {
                throw new StoreUnavailableException("permanent store: " + what + ": the store is closed", null);
            }
            if (all.size() < size) {
                try {
                    Connection opened = opener.open();
                    all.add(opened);
                    return opened;
                } catch (SQLException e) {
                    throw new StoreUnavailableException("permanent store: cannot open a read connection: " + e.getMessage(), e);
                }
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("permanent store: " + what + ": interrupted", e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        closed = true;
        for (Connection connection : all) {
            connection.close();
        }
        all.clear();
    }
}
