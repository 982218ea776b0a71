package dev.ao4j.mu.queue.embedded;

import dev.ao4j.config.DataDir;
import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.QueueConnector;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/** The node's transport: {@code <ao4j.data-dir>/mu-queue.db}. */
@ApplicationScoped
@Connector(EmbeddedQueueConnector.NAME)
// The interfaces are repeated here because Quarkus recognises a connector by the ones its class declares.
public class EmbeddedQueueConnector extends QueueConnector implements InboundConnector, OutboundConnector {
    public static final String NAME = "ao4j-embedded";

    @Inject
    DataDir data;

    @Override
    protected QueueBackend openBackend() {
        return SqliteTaskQueue.open(data.path(), config.leaseTime(), config.dedupeWindow());
    }

    @Override
    protected Duration pollWait() {
        return config.pollWait();
    }
}
