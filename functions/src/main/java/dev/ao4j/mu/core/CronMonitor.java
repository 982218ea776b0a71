package dev.ao4j.mu.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.mu.port.Monitors;
import dev.ao4j.mu.port.StepSink;
import org.jboss.logging.Logger;

/**
 * One pass over the monitored processes: read the cron results after each one's cursor (at first, after its
 * newest result), queue their outboxes, then save the cursor — so a result is cranked at least once, and the
 * deterministic step ids make a repeat a no-op.
 */
public final class CronMonitor {
    private static final Logger LOG = Logger.getLogger(CronMonitor.class);
    /** Cron results read per process and pass (AO's MU reads 50). */
    static final int PAGE = 50;

    private final ComputeUnit compute;
    private final Monitors monitors;
    private final StepSink steps;

    public CronMonitor(ComputeUnit compute, Monitors monitors, StepSink steps) {
        this.compute = compute;
        this.monitors = monitors;
        this.steps = steps;
    }

    /** Answers how many cron results were queued. */
    public int tick() {
        int queued = 0;
        for (Monitors.Subscription subscription : monitors.all()) {
            try {
                queued += crank(subscription);
            } catch (RuntimeException e) {
                LOG.warnf("cron of process %s: %s (retried next pass)", subscription.processId(), e.getMessage());
            }
        }
        return queued;
    }

    private int crank(Monitors.Subscription subscription) {
        String process = subscription.processId();
        String cursor = subscription.cursor().or(() -> compute.latestCursor(process)).orElse(null);
        JsonNode page = compute.cron(process, cursor, PAGE);
        int queued = 0;
        for (JsonNode edge : page.path("edges")) {
            String edgeCursor = edge.path("cursor").asText();
            steps.enqueue(Crank.outboxSteps(process, "cron:" + edgeCursor, edge.path("node"), null));
            cursor = edgeCursor;
            queued++;
        }
        if (cursor != null) {
            monitors.saveCursor(process, cursor);
        }
        return queued;
    }
}
