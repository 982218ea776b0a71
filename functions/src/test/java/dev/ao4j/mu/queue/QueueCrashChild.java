package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.embedded.SqliteTaskQueue;
import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The process {@link EmbeddedQueueCrashTest} kills: it enqueues {@link #GROUPS} x {@link #PER_GROUP} tasks
 * from one thread (printing {@code ENQUEUED <id>} once each enqueue has returned) while a pump consumes them
 * with a slow handler that appends {@code <id>} to a log before acking (printing {@code HANDLED <id>}).
 * With "resume" it only consumes, and prints {@code DRAINED} once the queue is empty.
 * Usage: {@code QueueCrashChild <dataDir> <log> enqueue|resume}.
 */
public final class QueueCrashChild {
    static final int GROUPS = 4;
    static final int PER_GROUP = 30;

    private QueueCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path log = Path.of(args[1]);
        boolean enqueue = args[2].equals("enqueue");
        SqliteTaskQueue queue = SqliteTaskQueue.open(dataDir, Duration.ofSeconds(1), Duration.ofMinutes(5));
        TaskPump pump = new TaskPump(queue, new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1)),
                GROUPS, Duration.ofMillis(200), Duration.ofMillis(300));
        Multi.createFrom().publisher(pump.publisher()).subscribe().with(message -> Thread.ofVirtual().start(() -> {
            String id = message.getPayload().id();
            try {
                append(log, id);
                Thread.sleep(20);
                message.ack().toCompletableFuture().join();
                say("HANDLED " + id);
            } catch (Exception e) {
                message.nack(e);
            }
        }));
        if (enqueue) {
            for (int i = 0; i < PER_GROUP; i++) {
                for (int g = 0; g < GROUPS; g++) {
                    String id = "g" + g + "-" + i;
                    queue.enqueue(CrankTask.of(id, "process-" + g, "push", "{}"));
                    say("ENQUEUED " + id);
                }
                Thread.sleep(5);
            }
        }
        while (queue.size() > 0) {
            Thread.sleep(50);
        }
        say("DRAINED");
        System.exit(0);
    }

    private static synchronized void append(Path log, String id) throws IOException {
        Files.writeString(log, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
