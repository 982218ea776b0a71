package dev.ao4j.mu.queue.sqs;

import static dev.ao4j.mu.queue.sqs.SqsTaskQueue.call;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the FIFO work queue {@code <name>.fifo} and its FIFO dead-letter queue {@code <name>-dead-letters.fifo}
 * with a redrive policy (for ElasticMQ and local setups; in AWS, Terraform creates them the same way).
 */
public final class SqsQueueSetup {
    public record QueueUrls(String queueUrl, String deadLetterQueueUrl) {}

    private SqsQueueSetup() {}

    /** {@code maxReceiveCount}: the redrive backstop, above the consumer's own max attempts. */
    public static QueueUrls create(SqsClient client, String name, int maxReceiveCount) {
        String deadLetterUrl = call("create " + name + "-dead-letters.fifo", () -> client.createQueue(r -> r
                .queueName(name + "-dead-letters.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))).queueUrl();
        String deadLetterArn = call("read the dead-letter queue's ARN", () -> client.getQueueAttributes(r -> r
                .queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        String queueUrl = call("create " + name + ".fifo", () -> client.createQueue(r -> r.queueName(name + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.REDRIVE_POLICY, redrive)))).queueUrl();
        return new QueueUrls(queueUrl, deadLetterUrl);
    }
}
