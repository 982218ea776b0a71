package dev.ao4j.mu.adapter;

import static dev.ao4j.aws.DynamoDbTables.attribute;
import static dev.ao4j.aws.DynamoDbTables.key;

import dev.ao4j.aws.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The MU's state table, shared by every MU instance (in AWS: the MU, crank and cron functions), so neither what a
 * step signed nor a cron subscription lives in one instance. Partition key {@code pk} and sort key {@code sk},
 * both strings:
 * <ul>
 *   <li>{@code step#<step key>} / {@code item} — an item a crank step signed ({@link DynamoDbSignedItems}), with
 *       {@value #EXPIRES} (epoch seconds) for DynamoDB's time to live;</li>
 *   <li>{@code monitors} / process id — a cron subscription and its cursor ({@link DynamoDbMonitors}): one
 *       partition, so the cron pass lists them with one query.</li>
 * </ul>
 */
public final class DynamoDbMuTable {
    /** The time-to-live attribute; Terraform enables TTL on it. */
    public static final String EXPIRES = "expires";

    private DynamoDbMuTable() {}

    /** Creates the table, with TTL on {@value #EXPIRES}, when it does not exist: for local runs; Terraform owns it in AWS. */
    public static void createTableIfMissing(DynamoDbClient dynamo, String table) {
        boolean created = DynamoDbTables.createIfMissing(dynamo, CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
        if (created) {
            dynamo.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(ttl -> ttl.attributeName(EXPIRES).enabled(true)));
        }
    }
}
