package dev.ao4j.mu.queue;

import java.time.Instant;

/** A task that failed {@code attempts} times and was set aside, with the last error it failed with. */
public record DeadLetter(String id, String group, String type, int attempts, String lastError, Instant failedAt,
                         String payloadJson) {}
