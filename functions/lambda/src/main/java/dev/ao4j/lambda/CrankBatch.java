package dev.ao4j.lambda;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.CrankStepHandler;
import dev.ao4j.mu.queue.FailedDelivery;
import dev.ao4j.mu.queue.Lease;
import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.QueueException;
import dev.ao4j.mu.queue.RetryPolicy;
import dev.ao4j.mu.queue.sqs.SqsTaskCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one SQS batch of crank tasks in order. A FIFO batch holds messages of several groups (AO processes), each
 * group's in queue order. A failed task is settled as on the node ({@link FailedDelivery}): hidden for the
 * policy's backoff and reported, or, once its attempts are used up, moved to the dead-letter queue with its
 * error, after which its group goes on. Every later message of a group whose task is waiting for a retry is
 * reported without running and made visible again at once, so it follows its predecessor in order instead of
 * waiting out the visibility timeout. A body that is not a crank task is reported (the queue's redrive policy
 * moves it to the dead-letter queue in the end). Whatever cannot be settled on the queue is still reported, so
 * nothing is deleted unrun.
 */
public final class CrankBatch {
    private static final Logger LOG = Logger.getLogger(CrankBatch.class);

    private CrankBatch() {}

    public static BatchResponse run(SqsEvent event, CrankStepHandler handler, QueueBackend queue, RetryPolicy policy) {
        List<BatchResponse.ItemFailure> failures = new ArrayList<>();
        Map<String, String> waitingGroups = new HashMap<>(); // group -> the task it waits behind
        for (SqsEvent.Message message : event.records()) {
            Lease lease;
            try {
                lease = new Lease(SqsTaskCodec.task(message.body(), message.receiveCount()), message.receiptHandle());
            } catch (QueueException e) {
                LOG.warnf("SQS message %s: %s", message.messageId(), e.getMessage());
                failures.add(failure(message));
                continue;
            }
            CrankTask task = lease.task();
            String waitsBehind = waitingGroups.get(task.group());
            if (waitsBehind != null) {
                failures.add(failure(message));
                settle(task, () -> {
                    queue.retryLater(lease, Duration.ZERO, "held back behind " + waitsBehind);
                    return FailedDelivery.Outcome.RETRY_LATER;
                });
                continue;
            }
            try {
                handler.handle(task);
            } catch (Exception e) {
                LOG.warnf(e, "crank task %s (%s of %s), delivery %d failed", task.id(), task.type(), task.group(), task.attempt());
                FailedDelivery.Outcome outcome = settle(task, () -> FailedDelivery.settle(queue, policy, lease, e.toString()));
                if (outcome != FailedDelivery.Outcome.DEAD_LETTERED) {
                    waitingGroups.put(task.group(), task.id());
                    failures.add(failure(message));
                }
            }
        }
        return new BatchResponse(failures);
    }

    private static BatchResponse.ItemFailure failure(SqsEvent.Message message) {
        return new BatchResponse.ItemFailure(message.messageId());
    }

    /** Runs a settlement on the queue; null when the queue refused it (the message then returns after its visibility timeout). */
    private static FailedDelivery.Outcome settle(CrankTask task, Supplier<FailedDelivery.Outcome> settlement) {
        try {
            return settlement.get();
        } catch (QueueException e) {
            LOG.warnf("crank task %s: settling it on the queue failed, it returns after its visibility timeout: %s",
                    task.id(), e.getMessage());
            return null;
        }
    }
}
