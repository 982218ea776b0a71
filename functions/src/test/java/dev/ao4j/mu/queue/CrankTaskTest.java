package dev.ao4j.mu.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.sqs.SqsTaskCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Task validation (SQS's rules for ids), the SQS body format and the backoff schedule. */
class CrankTaskTest {
    @Test
    void rejectsIdsAndGroupsSqsWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of("has space", "p", "push", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of("", "p", "push", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of(null, "p", "push", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of("x".repeat(101), "p", "push", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of("id", "p".repeat(129), "push", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of("id", "é", "push", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of("id", "p", " ", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CrankTask.of("id", "p", "push", null));
        assertEquals("id", CrankTask.of("id", "p".repeat(128), "push", "{}").id());
    }

    @Test
    void rejectsPayloadsAboveTheLimit() {
        String big = "\"" + "é".repeat(CrankTask.MAX_PAYLOAD_BYTES / 2) + "\""; // fewer chars than the limit, more bytes
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrankTask.of("id", "p", "push", big));
        assertTrue(e.getMessage().contains("payload exceeds"), e.getMessage());
    }

    @Test
    void sqsBodyRoundTripsThePayloadUntouched() {
        CrankTask task = CrankTask.of("m-1", "process", "push", "{\"tags\":[{\"name\":\"a\",\"value\":\"\\\"q\\\"\"}]}");
        assertEquals(task.withAttempt(3), SqsTaskCodec.task(SqsTaskCodec.body(task), 3));
        assertThrows(QueueException.class, () -> SqsTaskCodec.task("{\"id\":\"x\"}", 1));
        assertThrows(QueueException.class, () -> SqsTaskCodec.task("not json", 1));
    }

    @Test
    void backoffDoublesUpToItsCapAndAttemptsRunOut() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(1), policy.backoff(1));
        assertEquals(Duration.ofSeconds(2), policy.backoff(2));
        assertEquals(Duration.ofSeconds(8), policy.backoff(4));
        assertEquals(Duration.ofSeconds(10), policy.backoff(5));
        assertEquals(Duration.ofSeconds(10), policy.backoff(1000));
        assertFalse(policy.exhausted(9));
        assertTrue(policy.exhausted(10));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
