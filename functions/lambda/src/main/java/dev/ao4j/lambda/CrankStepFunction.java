package dev.ao4j.lambda;

import dev.ao4j.mu.queue.CrankStepHandler;
import dev.ao4j.mu.queue.QueueConfig;
import dev.ao4j.mu.queue.sqs.SqsQueueConnector;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The SQS-triggered crank step: hands the batch's tasks to the MU's {@link CrankStepHandler} (the same bean the
 * node's queue consumer calls), settles failed ones on the same FIFO queue with the node's retry policy, and
 * reports what must come back. Follow-up tasks the handler enqueues go to that queue through the sqs transport
 * (the lambda profile only enqueues; this trigger consumes).
 */
public class CrankStepFunction {
    @Inject
    Instance<CrankStepHandler> handler;

    @Inject
    @Connector(SqsQueueConnector.NAME)
    SqsQueueConnector queue;

    @Inject
    QueueConfig config;

    @Funq(LambdaFunctions.CRANK_STEP)
    public BatchResponse crankStep(SqsEvent event) {
        if (!handler.isResolvable()) {
            // Fails the whole invocation: every message comes back rather than being deleted unrun.
            throw new IllegalStateException("no single CrankStepHandler bean is deployed");
        }
        return CrankBatch.run(event, handler.get(), queue.backend(), config.retryPolicy());
    }
}
