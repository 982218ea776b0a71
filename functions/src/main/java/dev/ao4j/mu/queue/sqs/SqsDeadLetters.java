package dev.ao4j.mu.queue.sqs;

import static dev.ao4j.mu.queue.sqs.SqsTaskQueue.call;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.DeadLetter;
import dev.ao4j.mu.queue.DeadLetters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The SQS transport's dead letters: the FIFO dead-letter queue. Listing receives every message with a short
 * visibility timeout and then makes them visible again; replay sends the task back to the work queue (with a
 * fresh deduplication id, so SQS does not drop it as a repeat) and deletes it from the dead-letter queue.
 */
public final class SqsDeadLetters implements DeadLetters {
    private static final int HIDE_WHILE_SCANNING_SECONDS = 30;

    private final SqsClient client;
    private final String queueUrl;
    private final String deadLetterQueueUrl;
    private final boolean ownsClient;

    public SqsDeadLetters(SqsClient client, String queueUrl, String deadLetterQueueUrl, boolean ownsClient) {
        this.client = client;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.ownsClient = ownsClient;
    }

    @Override
    public List<DeadLetter> list() {
        List<Message> messages = scan();
        release(messages);
        return messages.stream().map(SqsDeadLetters::deadLetter).toList();
    }

    @Override
    public boolean replay(String id) {
        return redrive(letter -> letter.id().equals(id)) > 0;
    }

    @Override
    public int replayAll() {
        int total = 0;
        int replayed;
        do {
            replayed = redrive(letter -> true);
            total += replayed;
        } while (replayed > 0);
        return total;
    }

    private int redrive(Predicate<DeadLetter> wanted) {
        List<Message> messages = scan();
        List<Message> kept = new ArrayList<>();
        int replayed = 0;
        for (Message message : messages) {
            DeadLetter letter = deadLetter(message);
            if (!wanted.test(letter)) {
                kept.add(message);
                continue;
            }
            CrankTask task = SqsTaskCodec.task(message.body(), 0);
            call("replay " + task.id(), () -> client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(message.body())
                    .messageGroupId(task.group()).messageDeduplicationId(SqsTaskQueue.uniqueDedupeId(task.id()))));
            call("delete dead letter " + task.id(), () -> client.deleteMessage(r -> r.queueUrl(deadLetterQueueUrl)
                    .receiptHandle(message.receiptHandle())));
            replayed++;
        }
        release(kept);
        return replayed;
    }

    /** Every message currently visible in the dead-letter queue, hidden for a while so none is seen twice. */
    private List<Message> scan() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = call("list dead letters", () -> client.receiveMessage(r -> r.queueUrl(deadLetterQueueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(HIDE_WHILE_SCANNING_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages());
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    private void release(List<Message> messages) {
        for (Message message : messages) {
            call("release dead letter", () -> client.changeMessageVisibility(r -> r.queueUrl(deadLetterQueueUrl)
                    .receiptHandle(message.receiptHandle()).visibilityTimeout(0)));
        }
    }

    private static DeadLetter deadLetter(Message message) {
        CrankTask task = SqsTaskCodec.task(message.body(), 0);
        MessageAttributeValue error = message.messageAttributes().get(SqsTaskQueue.ERROR);
        MessageAttributeValue attempts = message.messageAttributes().get(SqsTaskQueue.ATTEMPTS);
        MessageAttributeValue failedAt = message.messageAttributes().get(SqsTaskQueue.FAILED_AT);
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        return new DeadLetter(task.id(), task.group(), task.type(),
                attempts != null ? Integer.parseInt(attempts.stringValue()) : SqsTaskCodec.receiveCount(message),
                error != null ? error.stringValue()
                        : "moved by the queue's redrive policy: received too many times without an outcome",
                Instant.ofEpochMilli(Long.parseLong(failedAt != null ? failedAt.stringValue() : sent != null ? sent : "0")),
                task.payloadJson());
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
