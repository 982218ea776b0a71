package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A durable FIFO-per-group task queue: the part of a transport below the SmallRye channels. Implementations
 * never hand out a task while another task of its group is leased, so a group's tasks run one at a time and
 * in enqueue order.
 */
public interface QueueBackend extends AutoCloseable {
    /** Stores the task durably before returning; an id that is still queued (or recently done) is ignored. */
    void enqueue(CrankTask task);

    /**
     * Leases up to {@code max} ready tasks (at most one per group), waiting up to {@code wait} for one to
     * become ready; an empty list when none did. Each lease's task carries its delivery number.
     */
    List<Lease> claim(int max, Duration wait);

    /** The step succeeded: the task is gone. */
    void complete(Lease lease);

    /** The step failed: the task stays at the head of its group and becomes ready again after {@code delay}. */
    void retryLater(Lease lease, Duration delay, String error);

    /** The step failed for the last time: the task moves to the dead letters and its group moves on. */
    void deadLetter(Lease lease, String error);

    /** Renews the leases of tasks still being handled, so they do not come back while in progress. */
    void extend(List<Lease> leases);

    /**
     * Tasks queued (including leased and waiting to be retried), when this transport counts them itself; empty
     * when it does not (SQS: the queue's own metrics say it).
     */
    default OptionalLong depth() {
        return OptionalLong.empty();
    }

    /** Tasks set aside after their last attempt, when this transport counts them itself. */
    default OptionalLong deadLetterCount() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
