package dev.ao4j.mu.queue.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.mu.queue.QueueException;
import dev.ao4j.testing.Await;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void writersThatArriveDuringACommitShareTheNextOneAndAFailingWorkIsUndoneAlone() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(11); // each writer blocks on its own thread
        try (QueueDatabase db = QueueDatabase.open(dir)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> db.write("first", c -> {
                QueueDatabase.update(c, "INSERT INTO crank_done (id, done_at) VALUES ('first', 0)");
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return 1;
            }), threads);
            started.await();

            List<CompletableFuture<String>> writers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                // Writer 7 repeats the first writer's id: its insert fails, and only it is undone.
                String id = i == 7 ? "first" : "w" + i;
                writers.add(CompletableFuture.supplyAsync(() -> db.write("insert " + id, c -> {
                    QueueDatabase.update(c, "INSERT INTO crank_done (id, done_at) VALUES (?, 1)", id);
                    return id;
                }), threads));
            }
            try {
                Await.until("ten writers wait for the next commit", Duration.ofSeconds(20), Duration.ofMillis(10),
                        () -> db.waitingWriters() == 10);
            } finally {
                release.countDown();
            }

            assertEquals(1, first.get());
            for (int i = 0; i < 10; i++) {
                if (i == 7) {
                    ExecutionException failed = assertThrows(ExecutionException.class,
                            writers.get(i)::get);
                    assertInstanceOf(QueueException.class, failed.getCause());
                    assertTrue(failed.getCause().getMessage().contains("insert first"), failed.getCause().getMessage());
                } else {
                    assertEquals("w" + i, writers.get(i).get());
                }
            }
            assertEquals(2, db.commits(), "one commit for the first writer, one for the ten that waited");
            assertEquals(10, number(db, "SELECT COUNT(*) FROM crank_done"),
                    "the first and nine of the ten; the failed one left nothing");
        } finally {
            threads.shutdownNow();
        }
        try (QueueDatabase reopened = QueueDatabase.open(dir)) {
            assertEquals(0, number(reopened, "SELECT done_at FROM crank_done WHERE id = 'first'"),
                    "the first writer's row, not the failed duplicate's");
        }
    }

    private static int number(QueueDatabase db, String query) {
        return db.read(query, c -> {
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
