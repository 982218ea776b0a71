package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of a process's evaluation stream: a message the SU scheduled, or a cron message the CU
 * generated between two of them. Entries are ordered by (timestamp, ordinate, cron).
 */
public sealed interface EvalMessage permits ScheduledMessage, CronMessage {
    long timestamp();

    long blockHeight();

    /** The slot nonce of a scheduled message; for a cron message, the nonce of the scheduled message before it. */
    long ordinate();

    /** {@code <index>-<interval>} for a cron message, null for a scheduled one. */
    String cron();

    /** The message id, null for cron messages. */
    String messageId();

    /** The {@code msg} object handed to the module (AO-PROTOCOL §4), Read-Only false. */
    ObjectNode toMsg();

    default Position position(Position previous) {
        return new Position(timestamp(), ordinate(), cron(), blockHeight(), previous.assignmentId(), previous.hashChain(),
                previous.epoch());
    }
}
