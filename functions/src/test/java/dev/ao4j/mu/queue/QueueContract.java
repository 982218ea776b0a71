package dev.ao4j.mu.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every transport of the MU queue guarantees, run against each: FIFO and one-at-a-time within a group,
 * groups in parallel, retry with backoff after a nack, dead-lettering after the last attempt, replay, and no
 * task lost when a consumer dies mid-step.
 */
abstract class QueueContract {
    static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A new, empty queue. */
    abstract QueueBackend newQueue();

    /** A second backend on the storage of {@code queue}, as a restarted process would open it. */
    abstract QueueBackend reopen(QueueBackend queue);

    abstract DeadLetters deadLetters(QueueBackend queue);

    /** Max 3 attempts; the backoff suits the transport (SQS counts visibility in whole seconds). */
    abstract RetryPolicy policy();

    QueueBackend open() {
        return track(newQueue());
    }

    <T extends AutoCloseable> T track(T resource) {
        opened.add(resource);
        return resource;
    }

    TestConsumer consume(QueueBackend queue, TestConsumer.Handler handler) {
        return track(new TestConsumer(queue, policy(), LEASE, handler));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    static CrankTask task(String id, String group) {
        return CrankTask.of(id, group, "push", "{\"n\":\"" + id + "\"}");
    }

    /** Polls every 20 ms for up to a minute (see {@link Await}). */
    static void await(String what, BooleanSupplier condition) throws Exception {
        Await.until(what, PATIENCE, Duration.ofMillis(20), condition::getAsBoolean);
    }

    @Test
    void deliversEachGroupInEnqueueOrderOneAtATime() throws Exception {
        QueueBackend queue = open();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            expected.add("a-" + i);
            queue.enqueue(task("a-" + i, "process-a"));
        }
        Set<String> running = ConcurrentHashMap.newKeySet();
        AtomicBoolean overlapped = new AtomicBoolean();
        TestConsumer consumer = consume(queue, t -> {
            if (!running.add(t.group())) {
                overlapped.set(true);
            }
            Thread.sleep(5);
            running.remove(t.group());
        });
        await("all 15 are handled", () -> consumer.deliveries.size() >= 15);
        assertEquals(expected, consumer.deliveries.stream().map(TestConsumer.Delivery::id).toList());
        assertFalse(overlapped.get(), "two tasks of one group ran at once");
    }

    @Test
    void runsDifferentGroupsInParallel() throws Exception {
        QueueBackend queue = open();
        queue.enqueue(task("first", "process-a"));
        queue.enqueue(task("second", "process-b"));
        CountDownLatch bStarted = new CountDownLatch(1);
        TestConsumer consumer = consume(queue, t -> {
            if (t.group().equals("process-a")) {
                // Only finishes if process-b's task starts while this one is still running.
                assertTrue(bStarted.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "process-b waited for process-a");
            } else {
                bStarted.countDown();
            }
        });
        await("both are handled", () -> consumer.deliveries.size() >= 2);
        await("process-a's task succeeded", () -> bStarted.getCount() == 0);
        assertEquals(1, consumer.deliveriesOf("first").size(), "process-a's task ran once: it did not fail");
    }

    @Test
    void retriesAFailedTaskWithBackoffBeforeTheRestOfItsGroup() throws Exception {
        QueueBackend queue = open();
        queue.enqueue(task("flaky", "process-a"));
        queue.enqueue(task("after", "process-a"));
        TestConsumer consumer = consume(queue, t -> {
            if (t.id().equals("flaky") && t.attempt() < 3) {
                throw new IllegalStateException("CU busy");
            }
        });
        await("the group is done", () -> !consumer.deliveriesOf("after").isEmpty());
        List<TestConsumer.Delivery> flaky = consumer.deliveriesOf("flaky");
        assertEquals(List.of(1, 2, 3), flaky.stream().map(TestConsumer.Delivery::attempt).toList());
        for (int i = 1; i < flaky.size(); i++) {
            long gap = flaky.get(i).startedNanos() - flaky.get(i - 1).startedNanos();
            assertTrue(gap >= policy().backoff(i).toNanos(), "retry " + i + " came before its backoff");
        }
        assertTrue(consumer.deliveriesOf("after").getFirst().startedNanos() > flaky.getLast().startedNanos(),
                "the next task of the group overtook the failing one");
        assertTrue(deadLetters(queue).list().isEmpty());
    }

    @Test
    void deadLettersATaskAfterMaxAttemptsAndReplaysIt() throws Exception {
        QueueBackend queue = open();
        queue.enqueue(task("poison", "process-a"));
        queue.enqueue(task("next", "process-a"));
        AtomicBoolean healed = new AtomicBoolean();
        TestConsumer consumer = consume(queue, t -> {
            if (t.id().equals("poison") && !healed.get()) {
                throw new IllegalArgumentException("no such process");
            }
        });
        await("the group moved past the poison task", () -> !consumer.deliveriesOf("next").isEmpty());
        assertEquals(3, consumer.deliveriesOf("poison").size());
        DeadLetters deadLetters = deadLetters(queue);
        await("the poison task is a dead letter", () -> deadLetters.list().size() == 1);
        DeadLetter letter = deadLetters.list().getFirst();
        assertEquals("poison", letter.id());
        assertEquals("process-a", letter.group());
        assertEquals("push", letter.type());
        assertEquals(3, letter.attempts());
        assertEquals("{\"n\":\"poison\"}", letter.payloadJson());
        assertTrue(letter.lastError().contains("no such process"), letter.lastError());

        healed.set(true);
        assertFalse(deadLetters.replay("no-such-id"));
        assertTrue(deadLetters.replay("poison"));
        await("the replayed task ran", () -> consumer.deliveriesOf("poison").size() == 4);
        assertEquals(1, consumer.deliveriesOf("poison").getLast().attempt(), "a replay starts its attempts afresh");
        await("no dead letters remain", () -> deadLetters.list().isEmpty());
    }

    @Test
    void replayAllRedrivesEveryDeadLetter() throws Exception {
        QueueBackend queue = open();
        for (int i = 0; i < 3; i++) {
            queue.enqueue(task("bad-" + i, "process-" + i));
        }
        AtomicBoolean healed = new AtomicBoolean();
        TestConsumer consumer = consume(queue, t -> {
            if (!healed.get()) {
                throw new IllegalStateException("down");
            }
        });
        DeadLetters deadLetters = deadLetters(queue);
        await("all three are dead letters", () -> deadLetters.list().size() == 3);
        healed.set(true);
        assertEquals(3, deadLetters.replayAll());
        await("all three ran again", () -> consumer.deliveries.stream().filter(d -> d.attempt() == 1).count() == 6);
        assertTrue(deadLetters.list().isEmpty());
    }

    @Test
    void enqueueingAnIdTwiceRunsItOnce() throws Exception {
        QueueBackend queue = open();
        queue.enqueue(task("once", "process-a"));
        queue.enqueue(task("once", "process-a"));
        queue.enqueue(task("marker", "process-a"));
        TestConsumer consumer = consume(queue, t -> { });
        await("the marker ran", () -> !consumer.deliveriesOf("marker").isEmpty());
        queue.enqueue(task("once", "process-a")); // already done: still a no-op
        queue.enqueue(task("marker-2", "process-a"));
        await("the second marker ran", () -> !consumer.deliveriesOf("marker-2").isEmpty());
        assertEquals(1, consumer.deliveriesOf("once").size());
    }

    @Test
    void losesNothingWhenTheConsumerDiesMidStep() throws Exception {
        QueueBackend queue = open();
        for (int i = 0; i < 6; i++) {
            queue.enqueue(task("a-" + i, "process-a"));
            queue.enqueue(task("b-" + i, "process-b"));
        }
        CountDownLatch stuck = new CountDownLatch(1);
        TestConsumer first = consume(queue, t -> {
            if (t.id().equals("a-2") || t.id().equals("b-3")) {
                stuck.countDown();
                Thread.sleep(Long.MAX_VALUE); // dies in here
            }
        });
        assertTrue(stuck.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        await("both groups are stuck", () -> first.deliveriesOf("a-2").size() + first.deliveriesOf("b-3").size() == 2);
        first.crash();

        QueueBackend restarted = track(reopen(queue));
        TestConsumer second = consume(restarted, t -> { });
        await("the rest ran after the restart", () -> !second.deliveriesOf("a-5").isEmpty() && !second.deliveriesOf("b-5").isEmpty());
        Map<String, List<String>> handled = new ConcurrentHashMap<>();
        for (TestConsumer consumer : List.of(first, second)) {
            for (TestConsumer.Delivery d : consumer.deliveries) {
                handled.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(d.id());
            }
        }
        // The task that was running when the consumer died runs again: at least once, in order.
        assertEquals(List.of("a-0", "a-1", "a-2", "a-2", "a-3", "a-4", "a-5"), handled.get("process-a"));
        assertEquals(List.of("b-0", "b-1", "b-2", "b-3", "b-3", "b-4", "b-5"), handled.get("process-b"));
        assertEquals(2, second.deliveriesOf("a-2").getFirst().attempt(), "the redelivery counts as a second attempt");
    }
}
