package dev.ao4j.mu.port;

import java.util.List;
import java.util.Optional;

/** Cron subscriptions (POST/DELETE /monitor/{process}), kept across restarts, each with its cron cursor. */
public interface Monitors {
    record Subscription(String processId, Optional<String> cursor) {}

    /** Subscribes; answers false when the process was already monitored (its cursor is kept). */
    boolean add(String processId);

    /** Unsubscribes; answers false when it was not monitored. */
    boolean remove(String processId);

    List<Subscription> all();

    void saveCursor(String processId, String cursor);
}
