package dev.ao4j.mu.port;

import java.time.Duration;
import java.util.Optional;

/**
 * The items the MU signed, by the crank step that signed them. A step that runs again (after a crash or a
 * failed attempt) pushes the very bytes it signed the first time, so the SU sees the same id and keeps one copy
 * — for Process items too, which have no content dedupe (a re-signed RSA spawn would be a second process).
 */
public interface SignedItems {
    /**
     * How long a stored item is kept: longer than any queue keeps a step (SQS and its dead-letter queue keep 14
     * days), so a step never outlives the bytes it signed, not even one re-driven from the dead letters.
     */
    Duration RETENTION = Duration.ofDays(15);

    Optional<byte[]> find(String stepKey);

    /** Stores {@code raw} under the key unless the key holds an item already; answers the item now held. */
    byte[] putIfAbsent(String stepKey, byte[] raw);
}
