package dev.ao4j.mu.adapter;

import static dev.ao4j.aws.DynamoDbTables.b;
import static dev.ao4j.aws.DynamoDbTables.n;
import static dev.ao4j.aws.DynamoDbTables.s;

import dev.ao4j.mu.port.SignedItems;
import dev.ao4j.mu.port.StepPayloads;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link StepPayloads} in the MU's DynamoDB table ({@link DynamoDbMuTable}), in parts under DynamoDB's 400 KB item
 * limit: {@code payload#<task id>} / {@code part#00000}… Part 0 names the number of parts and is written last, so a
 * payload is seen only whole.
 */
public record DynamoDbStepPayloads(DynamoDbClient dynamo, String table, Clock clock) implements StepPayloads {
    static final int PART_BYTES = 350_000;

    @Override
    public void keep(String taskId, String payloadJson) {
        byte[] bytes = payloadJson.getBytes(StandardCharsets.UTF_8);
        int parts = Math.max(1, (bytes.length + PART_BYTES - 1) / PART_BYTES);
        long expires = clock.instant().plus(SignedItems.RETENTION).getEpochSecond();
        for (int part = parts - 1; part >= 0; part--) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s(pk(taskId)), "sk", s(sk(part)),
                    "data", b(Arrays.copyOfRange(bytes, part * PART_BYTES, Math.min(bytes.length, (part + 1) * PART_BYTES))),
                    DynamoDbMuTable.EXPIRES, n(expires)));
            if (part == 0) {
                item.put("parts", n(parts));
            }
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
    }

    @Override
    public Optional<String> payload(String taskId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk(taskId))))
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (items.isEmpty() || !items.getFirst().containsKey("parts")) {
            return Optional.empty(); // none, or part 0 not written yet
        }
        int parts = Integer.parseInt(items.getFirst().get("parts").n());
        if (items.size() < parts) {
            throw new IllegalStateException("the payload of crank task " + taskId + " has " + items.size() + " of its "
                    + parts + " parts");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        items.subList(0, parts).forEach(item -> out.writeBytes(item.get("data").b().asByteArray()));
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    private static String pk(String taskId) {
        return "payload#" + taskId;
    }

    /** Sorts as numbers: a query returns the parts in order. */
    private static String sk(int part) {
        return "part#%05d".formatted(part);
    }
}
