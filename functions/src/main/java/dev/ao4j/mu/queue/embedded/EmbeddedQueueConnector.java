package dev.ao4j.mu.queue.embedded;

import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.QueueConnector;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/** The node's transport: {@code <ao4j.data-dir>/mu-queue.db}. */
@ApplicationScoped
@Connector(EmbeddedQueueConnector.NAME)
// The interfaces are repeated here because Quarkus recognises a connector by the ones its class declares.
public class EmbeddedQueueConnector extends QueueConnector implements InboundConnector, OutboundConnector {
    public static final String NAME = "ao4j-embedded";

    @ConfigProperty(name = "ao4j.data-dir", defaultValue = "./.ao4j-data")
    Path dataDir;

    @Override
    protected QueueBackend openBackend() {
        return SqliteTaskQueue.open(dataDir, config.leaseTime(), config.dedupeWindow());
    }

    @Override
    protected Duration pollWait() {
        return config.pollWait();
    }
}
