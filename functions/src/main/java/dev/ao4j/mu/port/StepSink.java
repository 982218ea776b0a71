package dev.ao4j.mu.port;

import dev.ao4j.mu.core.CrankStep;
import java.util.List;

/** The durable crank queue, as the MU core sees it. */
public interface StepSink {
    /**
     * Stores every step durably before returning. A step whose key is already queued, or finished recently, is
     * skipped, so a step that runs twice enqueues its follow-ups once.
     */
    void enqueue(List<CrankStep> steps);
}
