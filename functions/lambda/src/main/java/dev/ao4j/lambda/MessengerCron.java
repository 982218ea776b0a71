package dev.ao4j.lambda;

import dev.ao4j.mu.core.CronMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Binds the cron tick's port to the MU's cron monitor (the pass the node's timer runs every interval). */
@ApplicationScoped
public class MessengerCron {
    @Produces
    @Singleton
    CronPass cronPass(CronMonitor monitor) {
        return monitor::tick;
    }
}
