package dev.ao4j.mu.port;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One crank step, opaque to the transport. {@code id} is the idempotency key (enqueueing an id that is still
 * queued, or that completed within the dedupe window, is a no-op); {@code group} is the AO process id (or a
 * sender's lane toward one target), and
 * tasks of one group are delivered one at a time in enqueue order; {@code type} names the step;
 * {@code payloadJson} is the MU's own JSON. {@code attempt} is 0 when the MU creates a task and the delivery
 * number (1 = first delivery) when the queue hands it to the step handler.
 */
public record CrankTask(String id, String group, String type, String payloadJson, int attempt) {
    /** SQS's rule for message group and deduplication ids: printable ASCII without spaces. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_GROUP_LENGTH = 128;
    /** Leaves room under SQS's 256 KiB message limit for the envelope. */
    public static final int MAX_PAYLOAD_BYTES = 240 * 1024;

    public CrankTask {
        requireKey("id", id, MAX_ID_LENGTH);
        requireKey("group", group, MAX_GROUP_LENGTH);
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("crank task " + id + ": type is blank");
        }
        if (payloadJson == null) {
            throw new IllegalArgumentException("crank task " + id + ": payloadJson is null");
        }
        if (!fits(payloadJson)) {
            throw new IllegalArgumentException("crank task " + id + ": payload exceeds " + MAX_PAYLOAD_BYTES + " bytes");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("crank task " + id + ": attempt is negative");
        }
    }

    /** Whether a payload is within {@link #MAX_PAYLOAD_BYTES} (UTF-8). */
    public static boolean fits(String payloadJson) {
        return payloadJson.length() <= MAX_PAYLOAD_BYTES
                && payloadJson.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES;
    }

    /** A new task, as the MU enqueues it. */
    public static CrankTask of(String id, String group, String type, String payloadJson) {
        return new CrankTask(id, group, type, payloadJson, 0);
    }

    /** This task as delivered for the given time. */
    public CrankTask withAttempt(int deliveryNumber) {
        return new CrankTask(id, group, type, payloadJson, deliveryNumber);
    }

    private static void requireKey(String name, String value, int maxLength) {
        if (value == null || value.length() > maxLength || !KEY.matcher(value).matches()) {
            throw new IllegalArgumentException("crank task " + name + " must be 1.." + maxLength
                    + " printable ASCII characters without spaces, got " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
