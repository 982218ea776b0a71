package dev.ao4j.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What the DynamoDB adapters share: the client, table creation for local runs, and attribute values. */
public final class DynamoDbTables {
    private DynamoDbTables() {}

    /**
     * A client on the JDK's URL connection (small, native-image friendly), with the SDK's default region and
     * credentials chain (in Lambda: the function's region and role); {@code endpoint} overrides AWS's, for DynamoDB Local.
     */
    public static DynamoDbClient client(Optional<String> endpoint) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Creates an on-demand table and waits until it is active; one that exists already (made by another instance,
     * or by Terraform, which owns the tables in AWS) is left as it is. Answers whether this call created it.
     */
    public static boolean createIfMissing(DynamoDbClient dynamo, CreateTableRequest.Builder request) {
        CreateTableRequest built = request.billingMode(BillingMode.PAY_PER_REQUEST).build();
        try {
            dynamo.createTable(built);
        } catch (ResourceInUseException alreadyThere) {
            return false;
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(built.tableName()));
        return true;
    }

    /** Every item of one partition, in sort-key order, by a strongly consistent query (page after page). */
    public static List<Map<String, AttributeValue>> queryAll(DynamoDbClient dynamo, String table, String pk) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk)))
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    public static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    public static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }
}
