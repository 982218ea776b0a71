package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays the incoming channel's consumer over a {@link TaskPump}: each message is handled on its own virtual
 * thread (like an unordered blocking {@code @Incoming}), acked on return and nacked on a throw. {@link #crash}
 * stops it the way a killed process stops: in-flight tasks are neither acked nor nacked.
 */
final class TestConsumer implements AutoCloseable {
    interface Handler {
        void handle(CrankTask task) throws Exception;
    }

    record Delivery(String id, String group, int attempt, long startedNanos) {}

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final TaskPump pump;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean crashed;

    TestConsumer(QueueBackend backend, RetryPolicy policy, Duration leaseTime, Handler handler) {
        pump = new TaskPump(backend, policy, 8, Duration.ofMillis(200), leaseTime.dividedBy(3));
        Multi.createFrom().publisher(pump.publisher()).subscribe().with(message -> workers.submit(() -> {
            CrankTask task = message.getPayload();
            deliveries.add(new Delivery(task.id(), task.group(), task.attempt(), System.nanoTime()));
            try {
                handler.handle(task);
                if (!crashed) {
                    message.ack();
                }
            } catch (Throwable failure) {
                if (!crashed) {
                    message.nack(failure);
                }
            }
        }));
    }

    List<Delivery> deliveriesOf(String id) {
        return deliveries.stream().filter(d -> d.id().equals(id)).toList();
    }

    void crash() {
        crashed = true;
        pump.close();
        workers.shutdownNow();
    }

    @Override
    public void close() {
        pump.close();
        workers.shutdownNow();
    }
}
