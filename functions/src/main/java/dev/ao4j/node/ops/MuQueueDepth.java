package dev.ao4j.node.ops;

import dev.ao4j.arweave.store.embedded.SqliteFiles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gauges of the MU's embedded work queue, read from its SQLite file when Prometheus scrapes:
 * {@code ao4j_mu_queue_depth} (crank steps waiting or running) and {@code ao4j_mu_queue_dead_letters}.
 * (On SQS, the queue's own CloudWatch metrics say the same.)
 */
@ApplicationScoped
public class MuQueueDepth {
    @ConfigProperty(name = "ao4j.data-dir")
    Path dataDir;

    @ConfigProperty(name = "ao4j.mu.queue.transport", defaultValue = "embedded")
    String transport;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        if (!transport.equals("embedded")) {
            return;
        }
        Gauge.builder("ao4j.mu.queue.depth", this, q -> q.count("crank_tasks"))
                .description("MU crank steps waiting or running").register(registry);
        Gauge.builder("ao4j.mu.queue.dead.letters", this, q -> q.count("crank_dead_letters"))
                .description("MU crank steps set aside after their last attempt").register(registry);
    }

    double count(String table) {
        Path file = dataDir.resolve("mu-queue.db");
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection connection = SqliteFiles.open(file, SqliteFiles.Sync.NORMAL);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
