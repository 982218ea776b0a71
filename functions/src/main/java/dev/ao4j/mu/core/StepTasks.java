package dev.ao4j.mu.core;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.port.StepPayloads;

/**
 * Crank steps as queue tasks and back. A step whose JSON is over the queue's limit (an outbox message with large
 * Data) is stored in {@link StepPayloads} under its task id before it is queued, and its task carries only a
 * claim: large messages are delivered whole instead of failing at the queue.
 */
public final class StepTasks {
    /** The payload of a task whose step is stored; no step's JSON looks like it. */
    static final String CLAIM = "{\"claim\":\"stored under the task id\"}";

    private final StepPayloads payloads;

    public StepTasks(StepPayloads payloads) {
        this.payloads = payloads;
    }

    public CrankTask task(CrankStep step) {
        String json = StepCodec.json(step);
        if (CrankTask.fits(json)) {
            return CrankTask.of(step.key(), step.group(), StepCodec.type(step), json);
        }
        payloads.keep(step.key(), json);
        return CrankTask.of(step.key(), step.group(), StepCodec.type(step), CLAIM);
    }

    public CrankStep step(CrankTask task) {
        if (!task.payloadJson().equals(CLAIM)) {
            return StepCodec.step(task);
        }
        String json = payloads.payload(task.id()).orElseThrow(() -> new IllegalStateException(
                "crank task " + task.id() + " claims a stored payload, and none is stored"));
        return StepCodec.step(task.id(), task.type(), json);
    }
}
