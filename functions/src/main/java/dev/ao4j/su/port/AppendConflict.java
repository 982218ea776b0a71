package dev.ao4j.su.port;

/**
 * A conditional append lost: the log changed since it was read (another writer took the slot) or it
 * already holds the message. The sequencer re-reads the log and tries again; nothing was written.
 */
public final class AppendConflict extends Exception {
    public AppendConflict(String message) {
        super(message);
    }

    public AppendConflict(String message, Throwable cause) {
        super(message, cause);
    }
}
