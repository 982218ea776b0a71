package dev.ao4j.mu.queue;

/** The queue's storage (SQLite or SQS) failed; the operation did not take effect, or its effect is unknown. */
public final class QueueException extends RuntimeException {
    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueException(String message) {
        super(message);
    }
}
