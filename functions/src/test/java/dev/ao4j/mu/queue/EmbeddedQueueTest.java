package dev.ao4j.mu.queue;

import dev.ao4j.mu.queue.embedded.SqliteTaskQueue;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the embedded (SQLite) transport. */
class EmbeddedQueueTest extends QueueContract {
    @TempDir
    Path dir;


    @Override
    QueueBackend newQueue() {
        return SqliteTaskQueue.open(dir, LEASE, Duration.ofMinutes(5));
    }

    @Override
    QueueBackend reopen(QueueBackend queue) {
        return SqliteTaskQueue.open(dir, LEASE, Duration.ofMinutes(5));
    }

    @Override
    DeadLetters deadLetters(QueueBackend queue) {
        return track(((SqliteTaskQueue) queue).deadLetters());
    }

    @Override
    RetryPolicy policy() {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400));
    }
}
