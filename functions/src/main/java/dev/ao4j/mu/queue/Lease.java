package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;

/**
 * A task handed to this consumer and hidden from every other until it is completed, retried, dead-lettered or
 * its lease runs out. {@code receipt} is the transport's handle (a row lease or an SQS receipt handle).
 */
public record Lease(CrankTask task, String receipt) {}
