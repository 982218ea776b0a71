package dev.ao4j.mu;

import dev.ao4j.mu.core.CrankStep;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.core.StepTasks;
import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.port.StepSink;
import dev.ao4j.mu.queue.CrankQueue;
import dev.ao4j.mu.queue.QueueException;
import java.util.List;

/** Crank steps onto the MU work queue's channel (embedded SQLite or SQS). */
final class QueueStepSink implements StepSink {
    private final CrankQueue queue;
    private final StepTasks tasks;

    QueueStepSink(CrankQueue queue, StepTasks tasks) {
        this.queue = queue;
        this.tasks = tasks;
    }

    @Override
    public void enqueue(List<CrankStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        try {
            queue.enqueue(steps.stream().map(tasks::task).toArray(CrankTask[]::new));
        } catch (QueueException e) {
            throw MuException.unavailable("the crank queue is unavailable: " + e.getMessage(), e);
        }
    }
}
