package dev.ao4j.cli;

import dev.ao4j.mu.queue.DeadLetters;
import dev.ao4j.mu.queue.embedded.SqliteDeadLetters;
import dev.ao4j.mu.queue.sqs.SqsClients;
import dev.ao4j.mu.queue.sqs.SqsDeadLetters;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the MU queue's dead letters are: the embedded store under a data directory, or, when both SQS queue
 * URLs are given, the SQS dead-letter queue. Defaults come from the same environment variables as the node's
 * configuration keys ({@code ao4j.data-dir}, {@code ao4j.mu.queue.sqs.*}).
 */
final class QueueLocation {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:AO4J_DATA_DIR:-./.ao4j-data}",
            description = "The node's data directory (embedded queue). Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--sqs-queue-url", paramLabel = "URL", defaultValue = "${env:AO4J_MU_QUEUE_SQS_QUEUE_URL}",
            description = "The SQS FIFO work queue (with --sqs-dead-letter-queue-url: use SQS instead of --data).")
    String sqsQueueUrl;

    @Option(names = "--sqs-dead-letter-queue-url", paramLabel = "URL",
            defaultValue = "${env:AO4J_MU_QUEUE_SQS_DEAD_LETTER_QUEUE_URL}", description = "The SQS FIFO dead-letter queue.")
    String sqsDeadLetterQueueUrl;

    @Option(names = "--sqs-region", paramLabel = "REGION", defaultValue = "${env:AO4J_MU_QUEUE_SQS_REGION:-us-east-1}",
            description = "The SQS region. Default: ${DEFAULT-VALUE}.")
    String sqsRegion;

    @Option(names = "--sqs-endpoint", paramLabel = "URL", defaultValue = "${env:AO4J_MU_QUEUE_SQS_ENDPOINT}",
            description = "An SQS endpoint override (ElasticMQ, LocalStack).")
    URI sqsEndpoint;

    DeadLetters open() {
        boolean sqs = present(sqsQueueUrl) || present(sqsDeadLetterQueueUrl);
        if (!sqs) {
            return SqliteDeadLetters.open(dataDir);
        }
        if (!present(sqsQueueUrl) || !present(sqsDeadLetterQueueUrl)) {
            throw new IllegalArgumentException("SQS needs both --sqs-queue-url and --sqs-dead-letter-queue-url");
        }
        return new SqsDeadLetters(SqsClients.create(sqsRegion, Optional.ofNullable(sqsEndpoint)),
                sqsQueueUrl, sqsDeadLetterQueueUrl, true);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
