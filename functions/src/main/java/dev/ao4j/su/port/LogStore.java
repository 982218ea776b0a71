package dev.ao4j.su.port;

import dev.ao4j.su.core.Slot;
import java.util.List;
import java.util.Optional;

/**
 * The SU's durable log of every process: the port the sequencer writes through. Implementations make
 * {@link #append} conditional, so that several SU instances sharing one store can never give one slot
 * twice, skip one, or order one message twice.
 */
public interface LogStore extends AutoCloseable {

    /** The slot at {@code nonce}, read with strong consistency. */
    Optional<Slot> slot(String processId, long nonce);

    /** The highest slot of the process, read with strong consistency; empty for an unknown process. */
    Optional<Slot> latest(String processId);

    /** The slot ordering {@code messageId} in this process's log. */
    Optional<Slot> findMessage(String processId, String messageId);

    /** The slot holding a push with this deep hash, if the process's log has one. */
    Optional<Slot> findDedupe(String processId, String dedupeKey);

    /** Slots with {@code afterTimestamp < timestamp ≤ toTimestamp}, in log order, at most {@code limit}. */
    default List<Slot> range(String processId, long afterTimestamp, long toTimestamp, int limit) {
        return range(processId, afterTimestamp, toTimestamp, limit, Long.MAX_VALUE);
    }

    /**
     * As {@link #range(String, long, long, int)}, but the store stops reading once the slots read so far carry
     * {@code maxBytes} or more ({@link Slot#size()}), so one page never loads much more than that.
     */
    List<Slot> range(String processId, long afterTimestamp, long toTimestamp, int limit, long maxBytes);

    /**
     * Writes consecutive slots of one process, all or none. Each slot is written only if its nonce, its
     * message id and its dedupe key are all new to the process, and (unless it is slot 0) the slot before
     * the first one exists. A slot also starts out pending upload to the permanent store.
     *
     * @throws AppendConflict when any of those conditions fails; nothing was written
     */
    void append(List<Slot> consecutive) throws AppendConflict;

    /** The most slots one {@link #append} may carry. */
    default int maxSlotsPerAppend() {
        return 256;
    }

    /** Slots not yet confirmed uploaded to the permanent store, oldest first. */
    List<Slot> pendingUploads(int limit);

    /** Records that these slots' assignments and messages reached the permanent store (one write where it can). */
    void markUploaded(List<Slot> uploaded);

    @Override
    void close();
}
