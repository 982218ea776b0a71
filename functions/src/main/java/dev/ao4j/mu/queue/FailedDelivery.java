package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What becomes of a delivery whose step failed, wherever the task was consumed (the node's {@link TaskPump}, the
 * Lambda crank function): retried after the policy's backoff, its group waiting behind it, or dead-lettered
 * with its error once its attempts are used up, its group moving on.
 */
public final class FailedDelivery {
    private static final Logger LOG = Logger.getLogger(FailedDelivery.class);

    /** The two ways a failed delivery is settled. */
    public enum Outcome {
        /** The task stays at the head of its group and comes back after the backoff. */
        RETRY_LATER,
        /** The task is a dead letter; its group's next task goes ahead. */
        DEAD_LETTERED
    }

    private FailedDelivery() {}

    /** Records the outcome on the backend; a backend failure propagates (the lease then simply runs out). */
    public static Outcome settle(QueueBackend backend, RetryPolicy policy, Lease lease, String error) {
        CrankTask task = lease.task();
        if (policy.exhausted(task.attempt())) {
            LOG.errorf("crank task %s (%s, group %s) failed %d times, dead-lettered: %s",
                    task.id(), task.type(), task.group(), task.attempt(), error);
            backend.deadLetter(lease, error);
            return Outcome.DEAD_LETTERED;
        }
        Duration delay = policy.backoff(task.attempt());
        LOG.debugf("crank task %s failed (attempt %d), retrying in %s: %s", task.id(), task.attempt(), delay, error);
        backend.retryLater(lease, delay, error);
        return Outcome.RETRY_LATER;
    }
}
