package dev.ao4j.lambda;

/**
 * One pass of the MU's cron monitor: reads the monitored processes' new cron results and enqueues their crank
 * steps; returns how many it enqueued. The port the scheduled function depends on; a producer binds it to the
 * MU's cron monitor.
 */
@FunctionalInterface
public interface CronPass {
    int run() throws Exception;
}
