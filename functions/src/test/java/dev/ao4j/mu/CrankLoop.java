package dev.ao4j.mu;

import dev.ao4j.mu.core.Crank;
import dev.ao4j.mu.core.CrankStep;
import dev.ao4j.mu.core.StepTasks;
import dev.ao4j.mu.queue.Lease;
import dev.ao4j.mu.queue.QueueBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The crank driven straight off a queue backend, without the messaging channels: {@code threads} workers claim
 * tasks (one per group at a time, as the channels do), run them, store their follow-ups, and complete them; a
 * failed step is retried after {@code retryDelay}. Used where no Quarkus application runs (benchmarks, a child
 * JVM in the kill -9 test).
 */
public final class CrankLoop {
    private final QueueBackend queue;
    private final Crank crank;
    private final StepTasks tasks;
    private final int threads;
    private final Duration retryDelay;
    private final Consumer<CrankStep> onDone;

    public CrankLoop(QueueBackend queue, Crank crank, StepTasks tasks, int threads, Duration retryDelay,
                     Consumer<CrankStep> onDone) {
        this.queue = queue;
        this.crank = crank;
        this.tasks = tasks;
        this.threads = threads;
        this.retryDelay = retryDelay;
        this.onDone = onDone;
    }

    /** Runs until no task was handed out for {@code idle}. */
    public void runUntilIdle(Duration idle) throws Exception {
        AtomicLong lastWork = new AtomicLong(System.nanoTime());
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(workers.submit(() -> {
                    while (System.nanoTime() - lastWork.get() < idle.toNanos()) {
                        for (Lease lease : queue.claim(1, Duration.ofMillis(100))) {
                            lastWork.set(System.nanoTime());
                            step(lease);
                            lastWork.set(System.nanoTime());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
    }

    private void step(Lease lease) {
        CrankStep step = tasks.step(lease.task());
        try {
            for (CrankStep next : crank.run(step)) {
                queue.enqueue(tasks.task(next));
            }
            queue.complete(lease);
            onDone.accept(step);
        } catch (RuntimeException e) {
            queue.retryLater(lease, retryDelay, String.valueOf(e.getMessage()));
        }
    }
}
