package dev.ao4j.mu.queue;

import java.util.List;

/** The tasks that kept failing: listed for inspection and re-driven on demand (with their attempts reset). */
public interface DeadLetters extends AutoCloseable {
    List<DeadLetter> list();

    /** Puts the dead letter with this task id back at the tail of its group; false when there is none. */
    boolean replay(String id);

    /** Re-drives every dead letter; returns how many. */
    int replayAll();

    @Override
    void close();
}
