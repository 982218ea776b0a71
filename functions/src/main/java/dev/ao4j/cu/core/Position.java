package dev.ao4j.cu.core;

/**
 * Where a process's evaluation stands: after the entry at (timestamp, ordinate, cron), with the hash-chain
 * link of the last scheduled message (to check the next one) and the block it was in (to place crons).
 * {@link #START} is before the process's own slot.
 */
public record Position(long timestamp, long ordinate, String cron, long blockHeight, String assignmentId,
                       String hashChain, long epoch) {
    public static final Position START = new Position(-1, -1, null, -1, null, null, 0);

    public boolean isStart() {
        return timestamp < 0;
    }

    /** True when {@code (timestamp, ordinate, cron)} is at or before this position. */
    public boolean covers(long otherTimestamp, long otherOrdinate, String otherCron) {
        return EvaluationOrder.compare(otherTimestamp, otherOrdinate, otherCron, timestamp, ordinate, cron) <= 0;
    }
}
