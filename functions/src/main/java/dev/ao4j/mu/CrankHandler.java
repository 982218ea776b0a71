package dev.ao4j.mu;

import dev.ao4j.mu.core.Crank;
import dev.ao4j.mu.core.StepCodec;
import dev.ao4j.mu.port.StepSink;
import dev.ao4j.mu.queue.CrankStepHandler;
import dev.ao4j.mu.queue.CrankTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The queue's step handler: runs the step, then stores its follow-ups before the task is acknowledged. */
@ApplicationScoped
public class CrankHandler implements CrankStepHandler {
    @Inject
    Crank crank;

    @Inject
    StepSink steps;

    @Override
    public void handle(CrankTask task) {
        steps.enqueue(crank.run(StepCodec.step(task)));
    }
}
