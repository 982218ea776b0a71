package dev.ao4j.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.queue.CrankTask;
import dev.ao4j.mu.queue.sqs.SqsTaskCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch rules on Lambda's SQS event JSON: malformed bodies and failed tasks reported, a failed group held back. */
class CrankBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String record(String messageId, String body, int receiveCount) throws Exception {
        return """
                {"messageId":"%s","receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a","body":%s,
                 "attributes":{"ApproximateReceiveCount":"%d","SentTimestamp":"1545082649183","SequenceNumber":"18849496460467696128",
                   "MessageGroupId":"1","SenderId":"AIDAIENQZJOLO23YVJ4VO","MessageDeduplicationId":"1",
                   "ApproximateFirstReceiveTimestamp":"1545082649185"},
                 "messageAttributes":{},"md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","eventSource":"aws:sqs",
                 "eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:fifo.fifo","awsRegion":"us-east-2"}"""
                .formatted(messageId, JSON.writeValueAsString(body), receiveCount);
    }

    private static String task(String id, String group) {
        return SqsTaskCodec.body(CrankTask.of(id, group, "step", "{}"));
    }

    @Test
    void failuresAreReportedAndAFailedGroupWaitsWhileOthersRun() throws Exception {
        String event = "{\"Records\":[" + String.join(",",
                record("1", task("a1", "A"), 1),
                record("2", "{\"id\":\"no group\"}", 1),
                record("3", task("b1", "B"), 3),
                record("4", task("b2", "B"), 1),
                record("5", task("a2", "A"), 1)) + "]}";
        SqsEvent parsed = JSON.readValue(event, SqsEvent.class);
        assertEquals(5, parsed.records().size());

        List<String> ran = new ArrayList<>();
        BatchResponse response = CrankBatch.run(parsed, task -> {
            ran.add(task.id() + "#" + task.attempt());
            if (task.id().equals("b1")) {
                throw new IllegalStateException("CU unavailable");
            }
        });

        assertEquals(List.of("a1#1", "b1#3", "a2#1"), ran, "b2 waits behind b1; delivery numbers from ApproximateReceiveCount");
        assertEquals(List.of("2", "3", "4"), response.batchItemFailures().stream().map(BatchResponse.ItemFailure::itemIdentifier).toList());
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"2\"},{\"itemIdentifier\":\"3\"},{\"itemIdentifier\":\"4\"}]}",
                JSON.writeValueAsString(response));
    }

    @Test
    void anEmptyBatchHasNoFailures() throws Exception {
        BatchResponse response = CrankBatch.run(JSON.readValue("{\"Records\":[]}", SqsEvent.class), task -> {
            throw new AssertionError("no task to run");
        });
        assertEquals(List.of(), response.batchItemFailures());
    }
}
