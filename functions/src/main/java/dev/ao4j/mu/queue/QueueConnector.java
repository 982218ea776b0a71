package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What both transports' SmallRye connectors share: one backend per connector, feeding the incoming channel
 * through a {@link TaskPump} and filled by the outgoing channel through a {@link TaskSink}.
 */
public abstract class QueueConnector implements InboundConnector, OutboundConnector {
    @Inject
    protected QueueConfig config;

    private QueueBackend backend;
    private TaskPump pump;

    /** Opens this transport's backend (called once, on first use). */
    protected abstract QueueBackend openBackend();

    /** How long one claim may wait for a task. */
    protected abstract Duration pollWait();

    /** This transport's queue, for a consumer outside the channels (Lambda's SQS trigger settles its failures on it). */
    public synchronized QueueBackend backend() {
        if (backend == null) {
            backend = openBackend();
        }
        return backend;
    }

    @Override
    public synchronized Flow.Publisher<? extends Message<?>> getPublisher(Config channelConfig) {
        if (!config.consume()) {
            return Multi.createFrom().<Message<CrankTask>>nothing();
        }
        if (pump == null) {
            pump = new TaskPump(backend(), config.retryPolicy(), config.maxInFlight(), pollWait(), config.leaseRenewal());
        }
        return pump.publisher();
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config channelConfig) {
        return new TaskSink(backend());
    }

    @PreDestroy
    synchronized void close() {
        if (pump != null) {
            pump.close();
        }
        if (backend != null) {
            backend.close();
        }
    }
}
