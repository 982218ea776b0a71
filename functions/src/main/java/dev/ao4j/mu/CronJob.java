package dev.ao4j.mu;

import dev.ao4j.mu.core.CronMonitor;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Cranks the monitored processes' cron results every {@code ao4j.mu.cron.interval} (AO's MU: 10 s). */
@ApplicationScoped
public class CronJob {
    @Inject
    CronMonitor monitor;

    @Scheduled(identity = "mu-cron", every = "${ao4j.mu.cron.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        monitor.tick();
    }
}
