package dev.ao4j.mu.queue.sqs;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.Lease;
import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.QueueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The cloud transport: an SQS FIFO queue with MessageGroupId = the task's group and MessageDeduplicationId =
 * its id. Each receive takes one message, and SQS FIFO hands out nothing more of a group while one of its
 * messages is in flight, so a group runs one task at a time, in order. A retry hides the message for the
 * backoff (its group waits behind it); a dead letter is sent to the FIFO dead-letter queue with its error,
 * under its own group, then deleted here. The queue's redrive policy stays as a backstop for consumers that
 * die on a message over and over.
 */
public final class SqsTaskQueue implements QueueBackend {
    static final String ERROR = "ao4j-error";
    static final String ATTEMPTS = "ao4j-attempts";
    static final String FAILED_AT = "ao4j-failed-at";
    private static final int MAX_ERROR_CHARS = 4000;

    private final SqsClient client;
    private final String queueUrl;
    private final String deadLetterQueueUrl;
    private final int leaseSeconds;
    private final boolean ownsClient;

    public SqsTaskQueue(SqsClient client, String queueUrl, String deadLetterQueueUrl, Duration leaseTime, boolean ownsClient) {
        this.client = client;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.leaseSeconds = seconds(leaseTime);
        this.ownsClient = ownsClient;
    }

    @Override
    public void enqueue(CrankTask task) {
        call("enqueue " + task.id(), () -> client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(SqsTaskCodec.body(task))
                .messageGroupId(task.group()).messageDeduplicationId(task.id())));
    }

    @Override
    public List<Lease> claim(int max, Duration wait) {
        List<Lease> leases = new ArrayList<>();
        while (leases.size() < max) {
            int waitSeconds = leases.isEmpty() ? Math.min(20, seconds(wait)) : 0;
            List<Message> received = call("receive", () -> client.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(1).waitTimeSeconds(waitSeconds).visibilityTimeout(leaseSeconds)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages());
            if (received.isEmpty()) {
                break;
            }
            for (Message message : received) {
                leases.add(new Lease(SqsTaskCodec.task(message), message.receiptHandle()));
            }
        }
        return leases;
    }

    @Override
    public void complete(Lease lease) {
        call("complete " + lease.task().id(), () -> client.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(lease.receipt())));
    }

    @Override
    public void retryLater(Lease lease, Duration delay, String error) {
        call("retry " + lease.task().id(), () -> client.changeMessageVisibility(r -> r.queueUrl(queueUrl)
                .receiptHandle(lease.receipt()).visibilityTimeout(Math.min(43_200, seconds(delay)))));
    }

    @Override
    public void deadLetter(Lease lease, String error) {
        CrankTask task = lease.task();
        String trimmed = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error;
        call("dead-letter " + task.id(), () -> client.sendMessage(r -> r.queueUrl(deadLetterQueueUrl)
                .messageBody(SqsTaskCodec.body(task))
                // Its own group, so listing the dead letters is never blocked behind another one.
                .messageGroupId(task.id())
                .messageDeduplicationId(uniqueDedupeId(task.id()))
                .messageAttributes(Map.of(
                        ERROR, string(trimmed),
                        ATTEMPTS, number(task.attempt()),
                        FAILED_AT, number(Instant.now().toEpochMilli())))));
        complete(lease);
    }

    @Override
    public void extend(List<Lease> leases) {
        for (int from = 0; from < leases.size(); from += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            List<Lease> batch = leases.subList(from, Math.min(leases.size(), from + 10));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(batch.get(i).receipt()).visibilityTimeout(leaseSeconds).build());
            }
            call("renew leases", () -> client.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries)));
        }
    }

    /** A deduplication id that never collides with the task's own (SQS drops a repeat within 5 minutes). */
    static String uniqueDedupeId(String taskId) {
        return taskId + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 20); // at most 121 chars
    }

    static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value.isEmpty() ? "-" : value).build();
    }

    static MessageAttributeValue number(long value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(Long.toString(value)).build();
    }

    static int seconds(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    static <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new QueueException("SQS: " + what + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
