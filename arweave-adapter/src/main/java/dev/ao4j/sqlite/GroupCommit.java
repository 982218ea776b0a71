package dev.ao4j.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for one database writer: each caller queues its request, then takes the write lock; whoever holds
 * it commits every queued request in one transaction (one fsync), so concurrent writers share the disk's sync
 * instead of waiting for one each. A caller whose request another thread committed only reads the outcome. Every
 * caller is answered after the commit that holds its request.
 *
 * @param <R> one caller's request; the committer may record its result in it
 */
public final class GroupCommit<R> {
    /** Commits {@code batch} in one transaction, or throws when none of it was committed. */
    public interface Committer<R> {
        void commit(List<R> batch) throws Exception;
    }

    private final ReentrantLock writeLock;
    private final int maxGroup;
    private final Committer<R> committer;
    private final Queue<Entry<R>> queued = new ConcurrentLinkedQueue<>();

    /** {@code writeLock} is the writer's own lock, which its other writes take too. */
    public GroupCommit(ReentrantLock writeLock, int maxGroup, Committer<R> committer) {
        this.writeLock = writeLock;
        this.maxGroup = maxGroup;
        this.committer = committer;
    }

    /** Commits {@code request} with whatever else is queued; answers why its batch failed, or null once committed. */
    public Throwable submit(R request) {
        Entry<R> entry = new Entry<>(request);
        queued.add(entry);
        writeLock.lock();
        try {
            while (!entry.done) {
                commitQueued();
            }
        } finally {
            writeLock.unlock();
        }
        return entry.failure;
    }

    /** Requests queued for the next commit. */
    public int waiting() {
        return queued.size();
    }

    private void commitQueued() {
        List<Entry<R>> batch = new ArrayList<>();
        for (Entry<R> next; batch.size() < maxGroup && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        Throwable failure = null;
        try {
            committer.commit(batch.stream().map(entry -> entry.request).toList());
        } catch (Exception | Error e) {
            failure = e;
        }
        for (Entry<R> entry : batch) {
            entry.failure = failure;
            entry.done = true; // read by its caller under the write lock
        }
    }

    private static final class Entry<R> {
        final R request;
        Throwable failure;
        boolean done;

        Entry(R request) {
            this.request = request;
        }
    }
}
