package dev.ao4j.mu.adapter;

import static dev.ao4j.aws.DynamoDbTables.n;
import static dev.ao4j.aws.DynamoDbTables.s;

import dev.ao4j.mu.port.SignedItems;
import dev.ao4j.mu.port.StepPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link StepPayloads} in the MU's DynamoDB table ({@link DynamoDbMuTable}): {@code payload#<task id>} /
 * {@code head}, the payload inline or in parts ({@link DynamoDbParts}).
 */
public record DynamoDbStepPayloads(DynamoDbClient dynamo, String table, Clock clock) implements StepPayloads {
    @Override
    public void keep(String taskId, String payloadJson) {
        long expires = clock.instant().plus(SignedItems.RETENTION).getEpochSecond();
        DynamoDbParts parts = new DynamoDbParts(dynamo, table);
        Map<String, AttributeValue> head = new HashMap<>(parts.store(partsPrefix(taskId),
                payloadJson.getBytes(StandardCharsets.UTF_8), expires));
        head.putAll(Map.of("pk", s(pk(taskId)), "sk", s("head"), DynamoDbMuTable.EXPIRES, n(expires)));
        dynamo.putItem(b -> b.tableName(table).item(head));
    }

    @Override
    public Optional<String> payload(String taskId) {
        DynamoDbParts parts = new DynamoDbParts(dynamo, table);
        return parts.head(pk(taskId), "head")
                .map(head -> new String(parts.load(partsPrefix(taskId), head), StandardCharsets.UTF_8));
    }

    private static String pk(String taskId) {
        return "payload#" + taskId;
    }

    private static String partsPrefix(String taskId) {
        return "payload-part#" + taskId;
    }
}
