package dev.ao4j.cu.port;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** Evaluates {@code msg} with {@code env} (AO-PROTOCOL §4 objects, in the field order AO's CU gives them). */
    Outcome handle(ObjectNode msg, ObjectNode env);

    Image image();

    /** Continues from an image of an instance of the same module. */
    void restore(Image image);

    /** SHA-256 (lower-case hex) of the whole linear memory. */
    String memorySha256();

    @Override
    void close();
}
