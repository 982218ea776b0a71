package dev.ao4j.su.core;

import dev.ao4j.arweave.ans104.DataItem;
import java.util.List;

/** What can take a slot in a process's log. */
public sealed interface ScheduleRequest {
    String processId();

    /** The id the slot will order. */
    String messageId();

    /** A spawn: the process item takes slot 0 of its own log. */
    record NewProcess(DataItem process) implements ScheduleRequest {
        @Override
        public String processId() {
            return process.id();
        }

        @Override
        public String messageId() {
            return process.id();
        }
    }

    /**
     * A message sent to the process. {@code dedupeKey} is set for pushes (items with From-Process): the
     * deep hash of what they carry, so that a re-signed retry of the same push is not ordered twice.
     */
    record NewMessage(String processId, DataItem message, String dedupeKey) implements ScheduleRequest {
        @Override
        public String messageId() {
            return message.id();
        }
    }

    /** An assignment of a transaction that already exists (on Arweave or in another process's log). */
    record AssignExisting(String processId, String messageId, List<String> exclude) implements ScheduleRequest {
        public AssignExisting {
            exclude = List.copyOf(exclude);
        }
    }
}
