package dev.ao4j.lambda;

import java.util.List;

/**
 * Lambda's partial batch response (the event source mapping needs {@code ReportBatchItemFailures}): the listed
 * messages stay on the queue and come back; the others are deleted.
 */
public record BatchResponse(List<ItemFailure> batchItemFailures) {
    public BatchResponse {
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    public record ItemFailure(String itemIdentifier) {}
}
