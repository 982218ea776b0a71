package dev.ao4j.mu.queue;

import dev.ao4j.mu.port.CrankTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The MU's way in: enqueue crank tasks onto the outgoing channel, durably. */
@ApplicationScoped
public class CrankQueue {
    /** The outgoing channel tasks are written to. */
    public static final String OUTGOING = "crank-enqueue";
    /** The incoming channel the step handler reads. */
    public static final String INCOMING = "crank-steps";

    @Inject
    @Channel(OUTGOING)
    Emitter<CrankTask> emitter;

    /**
     * Returns once every task is stored durably (it survives kill -9 from then on). Blocks: call it from a worker
     * or virtual thread, not an event loop. A task whose id is already queued (or recently done) is skipped.
     *
     * @throws QueueException when a task could not be stored (the earlier ones may have been)
     */
    public void enqueue(CrankTask... tasks) {
        CompletableFuture<?>[] stored = new CompletableFuture<?>[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            stored[i] = emitter.send(tasks[i]).toCompletableFuture();
        }
        try {
            CompletableFuture.allOf(stored).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof QueueException queue ? queue
                    : new QueueException("enqueueing crank tasks failed: " + cause.getMessage(), cause);
        }
    }
}
