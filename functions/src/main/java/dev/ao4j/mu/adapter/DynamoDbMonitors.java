package dev.ao4j.mu.adapter;

import static dev.ao4j.aws.DynamoDbTables.n;
import static dev.ao4j.aws.DynamoDbTables.s;

import dev.ao4j.aws.DynamoDbTables;
import dev.ao4j.mu.port.Monitors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link Monitors} in the MU's DynamoDB table ({@link DynamoDbMuTable}): subscriptions made through any MU
 * instance are the ones every cron pass reads.
 */
public record DynamoDbMonitors(DynamoDbClient dynamo, String table, Clock clock) implements Monitors {
    private static final String PARTITION = "monitors";

    @Override
    public boolean add(String processId) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(PARTITION), "sk", s(processId), "since", n(clock.millis())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyMonitored) {
            return false;
        }
    }

    @Override
    public boolean remove(String processId) {
        Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table).key(key(processId))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    @Override
    public List<Subscription> all() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(DynamoDbTables.queryAll(dynamo, table, PARTITION));
        // In subscription order, as the embedded store answers.
        items.sort(Comparator.comparingLong((Map<String, AttributeValue> item) -> Long.parseLong(item.get("since").n()))
                .thenComparing(item -> item.get("sk").s()));
        return items.stream().map(item -> new Subscription(item.get("sk").s(),
                Optional.ofNullable(item.get("cursor")).map(AttributeValue::s))).toList();
    }

    @Override
    public void saveCursor(String processId, String cursor) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(processId))
                    .updateExpression("SET #cursor = :cursor")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#cursor", "cursor"))
                    .expressionAttributeValues(Map.of(":cursor", s(cursor))));
        } catch (ConditionalCheckFailedException unsubscribed) {
            // Removed while its pass ran: saving the cursor must not bring the subscription back.
        }
    }

    private static Map<String, AttributeValue> key(String processId) {
        return Map.of("pk", s(PARTITION), "sk", s(processId));
    }
}
