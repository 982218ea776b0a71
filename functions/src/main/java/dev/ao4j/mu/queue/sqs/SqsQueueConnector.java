package dev.ao4j.mu.queue.sqs;

import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.QueueConfig;
import dev.ao4j.mu.queue.QueueConnector;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/** The cloud transport: the FIFO queue at {@code ao4j.mu.queue.sqs.queue-url}. */
@ApplicationScoped
@Connector(SqsQueueConnector.NAME)
// The interfaces are repeated here because Quarkus recognises a connector by the ones its class declares.
public class SqsQueueConnector extends QueueConnector implements InboundConnector, OutboundConnector {
    public static final String NAME = "ao4j-sqs";

    @Override
    protected QueueBackend openBackend() {
        QueueConfig.Sqs sqs = config.sqs();
        return new SqsTaskQueue(SqsClients.create(sqs.region(), sqs.endpoint()),
                required(sqs.queueUrl().orElse(null), "queue-url"),
                required(sqs.deadLetterQueueUrl().orElse(null), "dead-letter-queue-url"), config.leaseTime(), true);
    }

    @Override
    protected Duration pollWait() {
        return config.sqs().waitTime();
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the SQS transport needs ao4j.mu.queue.sqs." + key);
        }
        return value;
    }
}
