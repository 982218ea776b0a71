package dev.ao4j.mu.queue;

import dev.ao4j.mu.queue.sqs.SqsDeadLetters;
import dev.ao4j.mu.queue.sqs.SqsQueueSetup;
import dev.ao4j.testing.ElasticMq;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The channels over the SQS connector, on ElasticMQ: what the {@code lambda} profile selects. */
@QuarkusTest
@TestProfile(SqsCrankChannelsTest.Sqs.class)
class SqsCrankChannelsTest extends CrankChannelsTest {
    private static final String QUEUE_URL = "ao4j.test.crank-channels-queue-url";
    private static final String DEAD_LETTER_QUEUE_URL = "ao4j.test.crank-channels-dead-letter-queue-url";

    /** Creates the queues once; their URLs go through system properties (shared by every class loader). */
    static synchronized void createQueues() {
        if (System.getProperty(QUEUE_URL) == null) {
            try (SqsClient client = ElasticMq.get().client()) {
                SqsQueueSetup.QueueUrls urls = SqsQueueSetup.create(client, "channels-" + UUID.randomUUID().toString().substring(0, 8), 20);
                System.setProperty(QUEUE_URL, urls.queueUrl());
                System.setProperty(DEAD_LETTER_QUEUE_URL, urls.deadLetterQueueUrl());
            }
            // ElasticMQ accepts any credentials; the connector takes them from the SDK's default chain.
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }

    public static final class Sqs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            createQueues();
            return Map.of(
                    "ao4j.mu.queue.transport", "sqs",
                    "ao4j.mu.queue.sqs.queue-url", System.getProperty(QUEUE_URL),
                    "ao4j.mu.queue.sqs.dead-letter-queue-url", System.getProperty(DEAD_LETTER_QUEUE_URL),
                    "ao4j.mu.queue.sqs.endpoint", ElasticMq.get().endpoint().toString(),
                    "ao4j.mu.queue.sqs.wait-time", "1s",
                    "ao4j.mu.queue.max-attempts", "2",
                    "ao4j.mu.queue.backoff-initial", "1s",
                    "ao4j.mu.queue.backoff-max", "1s");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(RecordingHandler.class);
        }
    }

    @Override
    DeadLetters deadLetters() {
        createQueues();
        return new SqsDeadLetters(ElasticMq.get().client(), System.getProperty(QUEUE_URL),
                System.getProperty(DEAD_LETTER_QUEUE_URL), true);
    }
}
