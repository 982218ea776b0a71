package dev.ao4j.mu.adapter;

import static dev.ao4j.aws.DynamoDbTables.n;
import static dev.ao4j.aws.DynamoDbTables.s;

import dev.ao4j.mu.port.SignedItems;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link SignedItems} in the MU's DynamoDB table ({@link DynamoDbMuTable}): {@code step#<step key>} / {@code item},
 * the item inline or, when larger than an item may be, in parts ({@link DynamoDbParts}). Its conditional put makes
 * the first signature of a step the one every instance pushes, however many run the step at once; a loser's parts
 * are left to expire.
 */
public record DynamoDbSignedItems(DynamoDbClient dynamo, String table, Clock clock) implements SignedItems {
    @Override
    public Optional<byte[]> find(String stepKey) {
        return parts().head(pk(stepKey), "item").map(head -> parts().load(partsPrefix(stepKey), head));
    }

    @Override
    public byte[] putIfAbsent(String stepKey, byte[] raw) {
        long expires = clock.instant().plus(RETENTION).getEpochSecond();
        Map<String, AttributeValue> head = new HashMap<>(parts().store(partsPrefix(stepKey), raw, expires));
        head.putAll(Map.of("pk", s(pk(stepKey)), "sk", s("item"), DynamoDbMuTable.EXPIRES, n(expires)));
        try {
            dynamo.putItem(b -> b.tableName(table).item(head)
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return raw;
        } catch (ConditionalCheckFailedException taken) {
            if (taken.hasItem() && !taken.item().isEmpty()) {
                return parts().load(partsPrefix(stepKey), taken.item());
            }
            return find(stepKey).orElseThrow(() -> new IllegalStateException("step " + stepKey + " holds no signed item"));
        }
    }

    private DynamoDbParts parts() {
        return new DynamoDbParts(dynamo, table);
    }

    private static String pk(String stepKey) {
        return "step#" + stepKey;
    }

    private static String partsPrefix(String stepKey) {
        return "step-part#" + stepKey;
    }
}
