package dev.ao4j.mu.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The MU work queue's settings, {@code ao4j.mu.queue.*} (documented in application.properties). */
@ConfigMapping(prefix = "ao4j.mu.queue")
public interface QueueConfig {
    /** {@code embedded} (SQLite under ao4j.data-dir) or {@code sqs}; selects the channels' connector. */
    @WithDefault("embedded")
    String transport();

    /**
     * Whether this process consumes the queue. False where something else delivers the tasks (AWS Lambda's SQS
     * trigger): the process then only enqueues.
     */
    @WithDefault("true")
    boolean consume();

    /** Deliveries of a failing task before it is dead-lettered. */
    @WithDefault("10")
    int maxAttempts();

    @WithDefault("1s")
    Duration backoffInitial();

    @WithDefault("5m")
    Duration backoffMax();

    /** Tasks handled at once (each of a different group). */
    @WithDefault("16")
    int maxInFlight();

    /** How long a delivered task stays hidden from other consumers; renewed every third of it while handled. */
    @WithDefault("30s")
    Duration leaseTime();

    /** Embedded: how long a claim waits before looking for tasks another process (the CLI) re-queued. */
    @WithDefault("1s")
    Duration pollWait();

    /** Embedded: how long a completed id is remembered, so enqueueing it again is a no-op (SQS FIFO: 5 min). */
    @WithDefault("5m")
    Duration dedupeWindow();

    Sqs sqs();

    interface Sqs {
        /** The FIFO queue's URL. */
        Optional<String> queueUrl();

        /** The FIFO dead-letter queue's URL. */
        Optional<String> deadLetterQueueUrl();

        @WithDefault("us-east-1")
        String region();

        /** An endpoint override (ElasticMQ, LocalStack); absent: AWS. */
        Optional<URI> endpoint();

        /** Long-polling wait of a receive (at most 20 s). */
        @WithDefault("10s")
        Duration waitTime();
    }

    default RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts(), backoffInitial(), backoffMax());
    }

    default Duration leaseRenewal() {
        return leaseTime().dividedBy(3);
    }
}
