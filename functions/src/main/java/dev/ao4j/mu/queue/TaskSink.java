package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * An outgoing channel's end: stores each {@link CrankTask} durably, then acks its message (so an emitter's
 * {@code send} completes only once the task survives a crash), or nacks it with the storage error.
 */
public final class TaskSink implements Flow.Subscriber<Message<?>> {
    private static final Logger LOG = Logger.getLogger(TaskSink.class);

    private final QueueBackend backend;

    public TaskSink(QueueBackend backend) {
        this.backend = backend;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE); // each task is stored synchronously in onNext
    }

    @Override
    public void onNext(Message<?> message) {
        if (!(message.getPayload() instanceof CrankTask task)) {
            message.nack(new IllegalArgumentException("the crank queue carries CrankTask payloads, not "
                    + (message.getPayload() == null ? "null" : message.getPayload().getClass().getName())));
            return;
        }
        try {
            backend.enqueue(task);
        } catch (RuntimeException e) {
            message.nack(e);
            return;
        }
        message.ack();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.errorf(failure, "the crank queue's outgoing stream failed");
    }

    @Override
    public void onComplete() {
        LOG.debug("the crank queue's outgoing stream completed");
    }
}
