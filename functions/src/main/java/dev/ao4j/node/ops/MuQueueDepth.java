package dev.ao4j.node.ops;

import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.QueueConfig;
import dev.ao4j.mu.queue.QueueException;
import dev.ao4j.mu.queue.embedded.EmbeddedQueueConnector;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Gauges of the MU's embedded work queue, asked of its backend when Prometheus scrapes:
 * {@code ao4j_mu_queue_depth} (crank steps waiting or running) and {@code ao4j_mu_queue_dead_letters}.
 * (On SQS, the queue's own CloudWatch metrics say the same.)
 */
@ApplicationScoped
public class MuQueueDepth {
    @Inject
    QueueConfig queue;

    @Inject
    @Connector(EmbeddedQueueConnector.NAME)
    Instance<EmbeddedQueueConnector> embedded;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        if (!queue.transport().equals("embedded")) {
            return;
        }
        Gauge.builder("ao4j.mu.queue.depth", this, q -> q.count(QueueBackend::depth))
                .description("MU crank steps waiting or running").register(registry);
        Gauge.builder("ao4j.mu.queue.dead.letters", this, q -> q.count(QueueBackend::deadLetterCount))
                .description("MU crank steps set aside after their last attempt").register(registry);
    }

    double count(Function<QueueBackend, OptionalLong> figure) {
        try {
            OptionalLong value = figure.apply(embedded.get().backend());
            return value.isPresent() ? value.getAsLong() : Double.NaN;
        } catch (QueueException e) {
            return Double.NaN;
        }
    }
}
