package dev.ao4j.mu.adapter;

import static dev.ao4j.aws.DynamoDbTables.b;
import static dev.ao4j.aws.DynamoDbTables.n;
import static dev.ao4j.aws.DynamoDbTables.s;

import dev.ao4j.mu.port.SignedItems;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link SignedItems} in the MU's DynamoDB table ({@link DynamoDbMuTable}): a conditional put makes the first
 * signature of a step the one every instance pushes, however many run the step at once.
 */
public record DynamoDbSignedItems(DynamoDbClient dynamo, String table, Clock clock) implements SignedItems {
    /** DynamoDB's item limit is 400 KB, key and attribute names included. */
    static final int MAX_ITEM_BYTES = 390_000;

    @Override
    public Optional<byte[]> find(String stepKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(stepKey))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(raw(item));
    }

    @Override
    public byte[] putIfAbsent(String stepKey, byte[] raw) {
        if (raw.length > MAX_ITEM_BYTES) {
            throw new IllegalArgumentException("a signed item of " + raw.length + " bytes is over the " + MAX_ITEM_BYTES
                    + " bytes the MU's DynamoDB table keeps per step");
        }
        long expires = clock.instant().plus(RETENTION).getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(pk(stepKey)), "sk", s("item"), "raw", b(raw), DynamoDbMuTable.EXPIRES, n(expires)))
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return raw;
        } catch (ConditionalCheckFailedException taken) {
            if (taken.hasItem() && taken.item().containsKey("raw")) {
                return raw(taken.item());
            }
            return find(stepKey).orElseThrow(() -> new IllegalStateException("step " + stepKey + " holds no signed item"));
        }
    }

    private static Map<String, AttributeValue> key(String stepKey) {
        return Map.of("pk", s(pk(stepKey)), "sk", s("item"));
    }

    private static String pk(String stepKey) {
        return "step#" + stepKey;
    }

    private static byte[] raw(Map<String, AttributeValue> item) {
        return item.get("raw").b().asByteArray();
    }
}
