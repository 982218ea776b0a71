package dev.ao4j.su;

import dev.ao4j.su.adapter.dynamodb.DynamoDbLogStore;
import dev.ao4j.su.port.LogStore;
import dev.ao4j.testing.DynamoDbLocal;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The same contract against Amazon's DynamoDB Local, over HTTP, one fresh table per test. */
class DynamoDbLogStoreTest extends LogStoreContract {
    @Override
    protected LogStore openStore() {
        DynamoDbClient client = DynamoDbLocal.get().client();
        String table = "su-log-" + UUID.randomUUID();
        DynamoDbLogStore.createTableIfMissing(client, table);
        return new DynamoDbLogStore(client, table);
    }
}
