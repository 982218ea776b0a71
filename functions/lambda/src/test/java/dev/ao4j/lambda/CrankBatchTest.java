package dev.ao4j.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.Lease;
import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.QueueException;
import dev.ao4j.mu.queue.RetryPolicy;
import dev.ao4j.mu.queue.sqs.SqsTaskCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch rules on Lambda's SQS event JSON: malformed bodies and failed tasks reported, a failed task hidden for
 * the retry policy's backoff and its group held back, a task out of attempts dead-lettered and its group moving on.
 */
class CrankBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofMinutes(5));

    private static String record(String messageId, String body, int receiveCount) throws Exception {
        return """
                {"messageId":"%s","receiptHandle":"receipt-%s","body":%s,
                 "attributes":{"ApproximateReceiveCount":"%d","SentTimestamp":"1545082649183","SequenceNumber":"18849496460467696128",
                   "MessageGroupId":"1","SenderId":"AIDAIENQZJOLO23YVJ4VO","MessageDeduplicationId":"1",
                   "ApproximateFirstReceiveTimestamp":"1545082649185"},
                 "messageAttributes":{},"md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","eventSource":"aws:sqs",
                 "eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:fifo.fifo","awsRegion":"us-east-2"}"""
                .formatted(messageId, messageId, JSON.writeValueAsString(body), receiveCount);
    }

    private static String task(String id, String group) {
        return SqsTaskCodec.body(CrankTask.of(id, group, "step", "{}"));
    }

    private static SqsEvent event(String... records) throws Exception {
        return JSON.readValue("{\"Records\":[" + String.join(",", records) + "]}", SqsEvent.class);
    }

    /** The queue's side of the batch: what was hidden for how long, and what was dead-lettered. */
    private static final class RecordingQueue implements QueueBackend {
        final List<String> settled = new ArrayList<>();
        boolean refuse;

        @Override
        public void retryLater(Lease lease, Duration delay, String error) {
            check();
            settled.add("retry " + lease.task().id() + " via " + lease.receipt() + " in " + delay.toSeconds() + "s");
        }

        @Override
        public void deadLetter(Lease lease, String error) {
            check();
            settled.add("dead-letter " + lease.task().id() + ": " + error);
        }

        private void check() {
            if (refuse) {
                throw new QueueException("SQS unavailable", null);
            }
        }

        @Override
        public void enqueue(CrankTask task) {
            throw new AssertionError("the batch enqueues nothing itself");
        }

        @Override
        public List<Lease> claim(int max, Duration wait) {
            throw new AssertionError("Lambda delivers the batch");
        }

        @Override
        public void complete(Lease lease) {
            throw new AssertionError("Lambda deletes what is not reported");
        }

        @Override
        public void extend(List<Lease> leases) {
            throw new AssertionError("no leases to extend");
        }

        @Override
        public void close() {}
    }

    @Test
    void failuresAreRetriedAfterTheBackoffAndAFailedGroupWaitsWhileOthersRun() throws Exception {
        SqsEvent parsed = event(
                record("1", task("a1", "A"), 1),
                record("2", "{\"id\":\"no group\"}", 1),
                record("3", task("b1", "B"), 3),
                record("4", task("b2", "B"), 1),
                record("5", task("a2", "A"), 1));
        assertEquals(5, parsed.records().size());

        List<String> ran = new ArrayList<>();
        RecordingQueue queue = new RecordingQueue();
        BatchResponse response = CrankBatch.run(parsed, task -> {
            ran.add(task.id() + "#" + task.attempt());
            if (task.id().equals("b1")) {
                throw new IllegalStateException("CU unavailable");
            }
        }, queue, POLICY);

        assertEquals(List.of("a1#1", "b1#3", "a2#1"), ran, "b2 waits behind b1; delivery numbers from ApproximateReceiveCount");
        assertEquals(List.of("retry b1 via receipt-3 in 4s", "retry b2 via receipt-4 in 0s"), queue.settled,
                "b1 hidden for the third delivery's backoff, b2 visible again behind it");
        assertEquals(List.of("2", "3", "4"), response.batchItemFailures().stream().map(BatchResponse.ItemFailure::itemIdentifier).toList());
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"2\"},{\"itemIdentifier\":\"3\"},{\"itemIdentifier\":\"4\"}]}",
                JSON.writeValueAsString(response));
    }

    @Test
    void aTaskOutOfAttemptsIsDeadLetteredWithItsErrorAndItsGroupGoesOn() throws Exception {
        List<String> ran = new ArrayList<>();
        RecordingQueue queue = new RecordingQueue();
        BatchResponse response = CrankBatch.run(event(record("1", task("b1", "B"), 4), record("2", task("b2", "B"), 4)), task -> {
            ran.add(task.id());
            if (task.id().equals("b1")) {
                throw new IllegalStateException("CU unavailable");
            }
        }, queue, POLICY);

        assertEquals(List.of("b1", "b2"), ran);
        assertEquals(List.of("dead-letter b1: java.lang.IllegalStateException: CU unavailable"), queue.settled);
        assertEquals(List.of(), response.batchItemFailures(), "b1 is on the dead-letter queue, b2 done: Lambda deletes both");
    }

    @Test
    void whatTheQueueCannotSettleIsStillReported() throws Exception {
        RecordingQueue queue = new RecordingQueue();
        queue.refuse = true;
        BatchResponse response = CrankBatch.run(event(record("1", task("b1", "B"), 4), record("2", task("b2", "B"), 1)), task -> {
            throw new IllegalStateException("CU unavailable");
        }, queue, POLICY);

        assertEquals(List.of("1", "2"), response.batchItemFailures().stream().map(BatchResponse.ItemFailure::itemIdentifier).toList(),
                "the dead letter was not written, so neither message may be deleted");
    }

    @Test
    void anEmptyBatchHasNoFailures() throws Exception {
        BatchResponse response = CrankBatch.run(event(), task -> {
            throw new AssertionError("no task to run");
        }, new RecordingQueue(), POLICY);
        assertEquals(List.of(), response.batchItemFailures());
    }
}
