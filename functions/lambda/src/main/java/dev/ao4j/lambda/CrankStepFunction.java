package dev.ao4j.lambda;

import dev.ao4j.mu.queue.CrankStepHandler;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The SQS-triggered crank step: hands the batch's tasks to the MU's {@link CrankStepHandler} (the same bean the
 * node's queue consumer calls) and reports the failed messages. Follow-up tasks the handler enqueues go to the
 * same FIFO queue through the sqs transport (the lambda profile only enqueues; this trigger consumes).
 */
public class CrankStepFunction {
    @Inject
    Instance<CrankStepHandler> handler;

    @Funq(LambdaFunctions.CRANK_STEP)
    public BatchResponse crankStep(SqsEvent event) {
        if (!handler.isResolvable()) {
            // Fails the whole invocation: every message comes back rather than being deleted unrun.
            throw new IllegalStateException("no single CrankStepHandler bean is deployed");
        }
        return CrankBatch.run(event, handler.get());
    }
}
