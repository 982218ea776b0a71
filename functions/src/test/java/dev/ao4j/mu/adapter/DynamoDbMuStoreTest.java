package dev.ao4j.mu.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.mu.port.SignedItems;
import dev.ao4j.testing.DynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contract against Amazon's DynamoDB Local: each instance has its own client on one fresh table. */
class DynamoDbMuStoreTest extends MuStoreContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    private String table;

    @Override
    protected void prepare() {
        table = "mu-state-" + UUID.randomUUID();
        try (DynamoDbClient client = DynamoDbLocal.get().client()) {
            DynamoDbMuTable.createTableIfMissing(client, table);
        }
    }

    @Override
    protected Instance openInstance() {
        DynamoDbClient client = DynamoDbLocal.get().client();
        return new Instance(new DynamoDbSignedItems(client, table, Clock.systemUTC()),
                new DynamoDbStepPayloads(client, table, Clock.systemUTC()), new DynamoDbMonitors(client, table, Clock.systemUTC()), client);
    }

    @Test
    void signedItemsExpireThroughTheTablesTimeToLive() {
        try (DynamoDbClient client = DynamoDbLocal.get().client()) {
            new DynamoDbSignedItems(client, table, CLOCK).putIfAbsent("deliver:m9:0", new byte[] {1, 2, 3});
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("step#deliver:m9:0"), "sk", AttributeValue.fromS("item")))).item();
            assertEquals(CLOCK.instant().plus(SignedItems.RETENTION).getEpochSecond(),
                    Long.parseLong(item.get(DynamoDbMuTable.EXPIRES).n()));
            var ttl = client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
            assertEquals(DynamoDbMuTable.EXPIRES, ttl.attributeName());
            assertEquals("ENABLED", ttl.timeToLiveStatusAsString());
        }
    }

    @Test
    void anItemOverDynamoDbsLimitIsRefusedWithAClearError() {
        try (DynamoDbClient client = DynamoDbLocal.get().client()) {
            var signed = new DynamoDbSignedItems(client, table, CLOCK);
            var error = assertThrows(IllegalArgumentException.class,
                    () -> signed.putIfAbsent("deliver:huge:0", new byte[DynamoDbSignedItems.MAX_ITEM_BYTES + 1]));
            assertTrue(error.getMessage().contains("bytes the MU's DynamoDB table keeps per step"), error.getMessage());
            assertTrue(signed.find("deliver:huge:0").isEmpty(), "nothing half-written");
        }
    }

    @Test
    void creatingTheTableTwiceKeepsItsData() {
        try (DynamoDbClient client = DynamoDbLocal.get().client()) {
            new DynamoDbMonitors(client, table, CLOCK).add("P1");
            DynamoDbMuTable.createTableIfMissing(client, table);
            assertEquals(1, new DynamoDbMonitors(client, table, CLOCK).all().size());
        }
    }
}
