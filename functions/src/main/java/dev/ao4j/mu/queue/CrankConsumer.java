package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The incoming channel's consumer: hands each task to the {@link CrankStepHandler} on a worker thread. Tasks
 * of different groups run in parallel (unordered), while the transport never delivers two of one group at once.
 * The message is acked when the handler returns and nacked when it throws.
 */
@ApplicationScoped
public class CrankConsumer {
    @Inject
    Instance<CrankStepHandler> handler;

    @Incoming(CrankQueue.INCOMING)
    @Blocking(ordered = false)
    public void step(CrankTask task) throws Exception {
        if (!handler.isResolvable()) {
            throw new IllegalStateException("no single CrankStepHandler bean is deployed to run " + task.type() + " steps");
        }
        handler.get().handle(task);
    }
}
