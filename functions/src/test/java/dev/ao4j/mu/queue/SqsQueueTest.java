package dev.ao4j.mu.queue;

import dev.ao4j.mu.queue.sqs.SqsDeadLetters;
import dev.ao4j.mu.queue.sqs.SqsQueueSetup;
import dev.ao4j.mu.queue.sqs.SqsTaskQueue;
import dev.ao4j.testing.ElasticMq;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/** The contract against the SQS transport, on ElasticMQ (FIFO queues with a FIFO dead-letter queue). */
class SqsQueueTest extends QueueContract {
    private final Map<QueueBackend, SqsQueueSetup.QueueUrls> urls = new IdentityHashMap<>();

    @Override
    QueueBackend newQueue() {
        SqsQueueSetup.QueueUrls created = SqsQueueSetup.create(track(ElasticMq.get().client()),
                "crank-" + UUID.randomUUID().toString().substring(0, 8), 20);
        return open(created);
    }

    @Override
    QueueBackend reopen(QueueBackend queue) {
        return open(urls.get(queue));
    }

    private QueueBackend open(SqsQueueSetup.QueueUrls queueUrls) {
        QueueBackend queue = new SqsTaskQueue(ElasticMq.get().client(), queueUrls.queueUrl(), queueUrls.deadLetterQueueUrl(), LEASE, true);
        urls.put(queue, queueUrls);
        return queue;
    }

    @Override
    DeadLetters deadLetters(QueueBackend queue) {
        SqsQueueSetup.QueueUrls queueUrls = urls.get(queue);
        return track(new SqsDeadLetters(ElasticMq.get().client(), queueUrls.queueUrl(), queueUrls.deadLetterQueueUrl(), true));
    }

    @Override
    RetryPolicy policy() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
