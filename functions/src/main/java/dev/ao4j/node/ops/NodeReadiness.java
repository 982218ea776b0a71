package dev.ao4j.node.ops;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.su.core.SchedulerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready (GET /q/health/ready) when the permanent store answers and the SU has its wallet. */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {
    @Inject
    Permastore permastore;

    @Inject
    SchedulerService scheduler;

    @Override
    public HealthCheckResponse call() {
        try {
            long height = permastore.currentBlock().height();
            return HealthCheckResponse.named("node").up().withData("block-height", height)
                    .withData("scheduler", scheduler.address()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("node").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
