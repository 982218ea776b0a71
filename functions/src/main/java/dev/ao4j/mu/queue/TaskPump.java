package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Turns a {@link QueueBackend} into a stream of {@link Message}s for an incoming channel. At most
 * {@code maxInFlight} tasks are leased at once (their leases renewed while they run); an ack completes the
 * task, a nack retries it after the policy's backoff or, once attempts are used up, dead-letters it. A task
 * delivered more than the allowed times without an outcome (its consumer kept dying) is dead-lettered too.
 * Nothing is dropped: a failure of the backend itself leaves the lease to expire, so the task comes back.
 */
public final class TaskPump implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TaskPump.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final QueueBackend backend;
    private final RetryPolicy policy;
    private final int maxInFlight;
    private final Duration pollWait;
    private final Duration leaseRenewal;
    private final Semaphore slots;
    private final Map<String, Lease> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService outcomes = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private Thread poller;
    private Thread renewer;

    public TaskPump(QueueBackend backend, RetryPolicy policy, int maxInFlight, Duration pollWait, Duration leaseRenewal) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be at least 1, got " + maxInFlight);
        }
        this.backend = backend;
        this.policy = policy;
        this.maxInFlight = maxInFlight;
        this.pollWait = pollWait;
        this.leaseRenewal = leaseRenewal;
        this.slots = new Semaphore(maxInFlight);
    }

    /** The channel's source; it may be subscribed once. */
    public Flow.Publisher<Message<CrankTask>> publisher() {
        return Multi.createFrom().<Message<CrankTask>>emitter(this::start, BackPressureStrategy.BUFFER);
    }

    private synchronized void start(MultiEmitter<? super Message<CrankTask>> emitter) {
        if (poller != null) {
            emitter.fail(new IllegalStateException("the crank queue publisher is already subscribed"));
            return;
        }
        poller = Thread.ofPlatform().daemon().name("crank-queue-poller").start(() -> poll(emitter));
        renewer = Thread.ofPlatform().daemon().name("crank-queue-lease-renewer").start(this::renewLeases);
        emitter.onTermination(this::close);
    }

    private void poll(MultiEmitter<? super Message<CrankTask>> emitter) {
        while (running) {
            try {
                slots.acquire();
                int free = 1 + slots.drainPermits();
                List<Lease> leases = claim(free);
                slots.release(free - leases.size());
                for (Lease lease : leases) {
                    deliver(lease, emitter);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Lease> claim(int max) throws InterruptedException {
        try {
            return backend.claim(max, pollWait);
        } catch (QueueException e) {
            if (!running) {
                return List.of(); // interrupted by close()
            }
            LOG.warnf("crank queue: claiming tasks failed, retrying shortly: %s", e.getMessage());
            TimeUnit.MILLISECONDS.sleep(Math.max(100, pollWait.toMillis()));
            return List.of();
        }
    }

    private void deliver(Lease lease, MultiEmitter<? super Message<CrankTask>> emitter) {
        inFlight.put(lease.receipt(), lease);
        int attempt = lease.task().attempt();
        if (attempt > policy.maxAttempts()) {
            settle(lease, () -> backend.deadLetter(lease, "delivered " + attempt
                    + " times without an outcome (its consumer crashed or lost the lease)"));
            return;
        }
        emitter.emit(Message.of(lease.task(), () -> onAck(lease), failure -> onNack(lease, failure)));
    }

    private CompletionStage<Void> onAck(Lease lease) {
        return settle(lease, () -> backend.complete(lease));
    }

    private CompletionStage<Void> onNack(Lease lease, Throwable failure) {
        return settle(lease, () -> FailedDelivery.settle(backend, policy, lease, describe(failure)));
    }

    /**
     * Records an outcome off the caller's thread (SmallRye may ack or nack on an event loop, and recording is
     * I/O). If the backend fails, the lease simply expires and the task is delivered again.
     */
    private CompletionStage<Void> settle(Lease lease, Runnable outcome) {
        return CompletableFuture.runAsync(() -> {
            try {
                outcome.run();
            } catch (RuntimeException e) {
                LOG.warnf("crank task %s: recording its outcome failed, it will be delivered again: %s",
                        lease.task().id(), e.getMessage());
                throw e;
            } finally {
                if (inFlight.remove(lease.receipt()) != null) {
                    slots.release();
                }
            }
        }, outcomes);
    }

    private void renewLeases() {
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(leaseRenewal.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<Lease> held = new ArrayList<>(inFlight.values());
            if (!held.isEmpty()) {
                try {
                    backend.extend(held);
                } catch (QueueException e) {
                    LOG.warnf("crank queue: renewing %d leases failed: %s", held.size(), e.getMessage());
                }
            }
        }
    }

    static String describe(Throwable failure) {
        String text = failure == null ? "nacked without a cause" : failure.toString();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /** How many tasks may be leased at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    @Override
    public void close() {
        running = false;
        Thread p;
        Thread r;
        synchronized (this) {
            p = poller;
            r = renewer;
        }
        if (p != null) {
            p.interrupt();
        }
        if (r != null) {
            r.interrupt();
        }
    }
}
