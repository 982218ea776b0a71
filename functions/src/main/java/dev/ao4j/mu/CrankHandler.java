package dev.ao4j.mu;

import dev.ao4j.mu.core.Crank;
import dev.ao4j.mu.core.CrankStep;
import dev.ao4j.mu.core.StepTasks;
import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.port.StepSink;
import dev.ao4j.mu.queue.CrankStepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** The queue's step handler: runs the step, then stores its follow-ups before the task is acknowledged. */
@ApplicationScoped
public class CrankHandler implements CrankStepHandler {
    private static final Logger LOG = Logger.getLogger(CrankHandler.class);

    @Inject
    Crank crank;

    @Inject
    StepSink steps;

    @Inject
    StepTasks tasks;

    @Override
    public void handle(CrankTask task) {
        long start = System.nanoTime();
        List<CrankStep> next = crank.run(tasks.step(task));
        long ran = System.nanoTime();
        steps.enqueue(next);
        LOG.debugf("%s %s (group %s, attempt %d): %d ms, %d follow-ups queued in %d ms", task.type(), task.id(),
                task.group(), task.attempt(), (ran - start) / 1_000_000, next.size(), (System.nanoTime() - ran) / 1_000_000);
    }
}
