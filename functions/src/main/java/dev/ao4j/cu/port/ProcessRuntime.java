package dev.ao4j.cu.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One live process instance: its linear memory persists from message to message. A message that fails
 * (module error, trap, out of gas) leaves the memory as it was before it. Not thread-safe: the CU calls it
 * from one evaluator at a time.
 */
public interface ProcessRuntime extends AutoCloseable {
    /**
     * @param result the result JSON as AO's CU stores it ({@code Output, Messages, Spawns, Assignments,
     *               Error, GasUsed}; {@code Memory} never included)
     * @param failed true when the message failed and the memory was kept as before
     */
    record Outcome(ObjectNode result, boolean failed) {}

    /**
     * The process state: the gzipped linear memory (exactly what an AO Checkpoint item carries) and the
     * runtime's clock (the glue's {@code Date.now} counter), which must be restored too for later messages to
     * evaluate identically. {@code clock} is null for a memory taken from elsewhere (an AO checkpoint).
     */
    record Image(byte[] gzippedMemory, Long clock) {}

    /**
     * Evaluates {@code msg} with {@code env} (AO-PROTOCOL §4 objects, in the field order AO's CU gives them) within
     * {@code deadline} of wall-clock time ({@link Duration#ZERO}: none).
     *
     * @throws DeadlinePassed the message ran past the deadline; the instance is as before it, memory and clock
     * @throws Failed the instance is unusable (cancelled, or its state could not be recovered)
     */
    Outcome handle(ObjectNode msg, ObjectNode env, Duration deadline);

    /** A message ran past its deadline. Not a result: another machine might have finished it. */
    final class DeadlinePassed extends RuntimeException {
        private final Duration deadline;

        public DeadlinePassed(Duration deadline) {
            super("the evaluation ran longer than " + deadline.toMillis() + " ms and was cancelled", null, false, false);
            this.deadline = deadline;
        }

        public Duration deadline() {
            return deadline;
        }
    }

    /** The instance cannot go on; the process must be loaded again. */
    final class Failed extends RuntimeException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Stops whatever the instance is evaluating, from any thread, and discards it: that evaluation ends in {@link Failed}. */
    void cancel();

    /** The size of the linear memory, bytes. */
    long memorySize();

    /** The memory the instance holds, bytes: its whole linear memory while live, less while hibernating. */
    long residentBytes();

    /**
     * Lets go of the live instance and keeps only what the process's state needs; the next {@link #handle} brings
     * it back, as it was. Images, hashes and sizes are answered meanwhile without waking it.
     */
    void hibernate();

    Image image();

    /** Continues from an image of an instance of the same module. */
    void restore(Image image);

    /** SHA-256 (lower-case hex) of the whole linear memory. */
    String memorySha256();

    /** {@link #memorySha256()}, or empty when {@code abandon} turns true before it is done. */
    default Optional<String> memorySha256Unless(BooleanSupplier abandon) {
        return Optional.of(memorySha256());
    }

    @Override
    void close();
}
