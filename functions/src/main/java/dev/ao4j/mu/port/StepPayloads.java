package dev.ao4j.mu.port;

import java.util.Optional;

/**
 * Crank-step payloads too large for a queue message (SQS takes 256 KiB; an outbox message may carry up to AO's
 * 10 MiB), kept by task id for {@link SignedItems#RETENTION}: the queued task carries only a claim on its payload.
 */
public interface StepPayloads {
    /** Stores the payload of a task; storing it again (a step that runs again queues the same task) replaces it. */
    void keep(String taskId, String payloadJson);

    Optional<String> payload(String taskId);
}
