package dev.ao4j.lambda;

import dev.ao4j.mu.queue.CrankStepHandler;
import dev.ao4j.mu.queue.CrankTask;
import dev.ao4j.mu.queue.QueueException;
import dev.ao4j.mu.queue.sqs.SqsTaskCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs one SQS batch of crank tasks in order. A FIFO batch holds messages of several groups (AO processes), each
 * group's in queue order. When a task fails, it and every later message of its group in the batch are reported
 * as failures without running, so they come back in order; other groups carry on. A body that is not a crank
 * task is reported too (after max receives the queue's redrive policy moves it to the dead-letter queue).
 */
public final class CrankBatch {
    private static final Logger LOG = Logger.getLogger(CrankBatch.class);

    private CrankBatch() {}

    public static BatchResponse run(SqsEvent event, CrankStepHandler handler) {
        List<BatchResponse.ItemFailure> failures = new ArrayList<>();
        Set<String> blockedGroups = new HashSet<>();
        for (SqsEvent.Message message : event.records()) {
            CrankTask task;
            try {
                task = SqsTaskCodec.task(message.body(), message.receiveCount());
            } catch (QueueException e) {
                LOG.warnf("SQS message %s: %s", message.messageId(), e.getMessage());
                failures.add(new BatchResponse.ItemFailure(message.messageId()));
                continue;
            }
            if (blockedGroups.contains(task.group())) {
                failures.add(new BatchResponse.ItemFailure(message.messageId()));
                continue;
            }
            try {
                handler.handle(task);
            } catch (Exception e) {
                LOG.warnf(e, "crank task %s (%s of %s), delivery %d failed", task.id(), task.type(), task.group(), task.attempt());
                blockedGroups.add(task.group());
                failures.add(new BatchResponse.ItemFailure(message.messageId()));
            }
        }
        return new BatchResponse(failures);
    }
}
