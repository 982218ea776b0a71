package dev.ao4j.su.core;

import dev.ao4j.protocol.SuWire;
import java.util.Objects;

/**
 * One place in a process's log: the SU-signed assignment that fixed it and the message it orders.
 *
 * @param processId    the process whose log this is
 * @param nonce        the slot number, 0 for the process's own spawn, then 1, 2, … with no gap
 * @param epoch        always 0 for now (AO reserves it for scheduler hand-overs)
 * @param timestamp    milliseconds, strictly increasing along the log
 * @param blockHeight  Arweave block height when the slot was taken
 * @param hashChain    b64url(SHA-256(previous assignment id ‖ previous hash chain)); see {@link HashChain}
 * @param assignmentId the id of the assignment data item
 * @param assignment   the assignment data item's bytes
 * @param messageId    the id of the ordered message (the process id for slot 0)
 * @param message      the message's bytes, or null when an existing transaction was assigned
 * @param dedupeKey    the deep hash used to refuse repeated pushes and assigns, or null
 */
public record Slot(String processId, long nonce, long epoch, long timestamp, long blockHeight, String hashChain,
                   String assignmentId, byte[] assignment, String messageId, byte[] message, String dedupeKey)
        implements SuWire.LogEntry {
    public Slot {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(hashChain, "hashChain");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** The spawn itself occupies slot 0. */
    public boolean isProcessSlot() {
        return nonce == 0;
    }

    /** The bytes the slot carries (its assignment and its message): what a page of the log is capped by. */
    public long size() {
        return (long) assignment.length + (message == null ? 0 : message.length);
    }

    /** The message bytes were not sent to the SU: the assignment points at a transaction already on Arweave. */
    public boolean isAssignmentOfExisting() {
        return message == null;
    }
}
