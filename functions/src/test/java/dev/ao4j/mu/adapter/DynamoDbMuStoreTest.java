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
    void aLargeItemIsKeptInPartsAndADamagedPartIsAClearError() {
        try (DynamoDbClient client = DynamoDbLocal.get().client()) {
            var signed = new DynamoDbSignedItems(client, table, CLOCK);
            byte[] large = new byte[1_000_000];
            new java.util.Random(3).nextBytes(large);
            signed.putIfAbsent("spawn:large:0", large);
            Map<String, AttributeValue> head = client.getItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("step#spawn:large:0"), "sk", AttributeValue.fromS("item")))).item();
            assertEquals("3", head.get("parts").n(), head.toString());
            String parts = "step-part#spawn:large:0#" + head.get("digest").s();
            client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(parts), "sk", AttributeValue.fromS("part#00001"),
                    "data", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0})))));
            var error = assertThrows(IllegalStateException.class, () -> signed.find("spawn:large:0"));
            assertTrue(error.getMessage().contains("not the value " + head.get("digest").s() + " names"), error.getMessage());
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
