package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;

/**
 * The MU's crank step, as a CDI bean: called once per delivery of a task (at least once per task: a step
 * that was running when the process died runs again, so steps must be idempotent). Returning acknowledges
 * the task; throwing fails this delivery, which is retried with backoff and dead-lettered after the
 * configured attempts. Follow-up tasks may be enqueued with {@link CrankQueue#enqueue} before returning.
 */
public interface CrankStepHandler {
    void handle(CrankTask task) throws Exception;
}
