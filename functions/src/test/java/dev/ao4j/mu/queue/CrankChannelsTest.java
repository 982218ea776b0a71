package dev.ao4j.mu.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.mu.port.CrankTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The queue as the MU uses it inside Quarkus: tasks enqueued through {@link CrankQueue} travel the SmallRye
 * channels through the configured transport's connector to the {@link CrankStepHandler}; a handler enqueues a
 * follow-up before acking; a step that keeps failing lands in the dead letters and is replayed from there.
 * Each subclass selects a transport with a test profile (which also enables {@link RecordingHandler}).
 */
abstract class CrankChannelsTest {
    /** Records each delivery; "spawn" steps enqueue a follow-up; "broken" steps fail until healed. */
    @Alternative
    @ApplicationScoped
    public static class RecordingHandler implements CrankStepHandler {
        private final List<String> handled = new CopyOnWriteArrayList<>();
        private final AtomicBoolean healed = new AtomicBoolean();

        @Inject
        CrankQueue queue;

        // Accessors, not fields: the test holds a client proxy, whose own fields are not the bean's.
        List<String> handled() {
            return handled;
        }

        void heal() {
            healed.set(true);
        }

        @Override
        public void handle(CrankTask task) {
            handled.add(task.id() + "#" + task.attempt());
            if (task.type().equals("broken") && !healed.get()) {
                throw new IllegalStateException("CU unreachable");
            }
            if (task.type().equals("spawn")) {
                queue.enqueue(CrankTask.of(task.id() + "-spawned", "child-process", "push", "{}"));
            }
        }
    }

    @Inject
    CrankQueue queue;

    @Inject
    RecordingHandler handler;

    /** The dead letters of the transport under test. */
    abstract DeadLetters deadLetters();

    @Test
    void tasksFlowThroughTheChannelsAndFailuresReachTheDeadLetters() throws Exception {
        queue.enqueue(
                CrankTask.of("m1", "process-a", "spawn", "{}"),
                CrankTask.of("m2", "process-a", "push", "{}"),
                CrankTask.of("bad", "process-b", "broken", "{}"));

        QueueContract.await("m1, m2 and m1's follow-up ran", () -> handler.handled().containsAll(List.of("m1#1", "m2#1", "m1-spawned#1")));
        assertTrue(handler.handled().indexOf("m1#1") < handler.handled().indexOf("m2#1"), "process-a ran out of order");

        try (DeadLetters deadLetters = deadLetters()) {
            QueueContract.await("the broken step is a dead letter", () -> deadLetters.list().size() == 1);
            DeadLetter letter = deadLetters.list().getFirst();
            assertEquals("bad", letter.id());
            assertEquals(2, letter.attempts());
            assertTrue(letter.lastError().contains("CU unreachable"), letter.lastError());
            assertEquals(List.of("bad#1", "bad#2"), handler.handled().stream().filter(h -> h.startsWith("bad#")).toList());

            handler.heal();
            assertTrue(deadLetters.replay("bad"));
            QueueContract.await("the replayed step ran", () -> handler.handled().contains("bad#1")
                    && handler.handled().stream().filter(h -> h.startsWith("bad#")).count() == 3);
            assertTrue(deadLetters.list().isEmpty());
        }
    }
}
