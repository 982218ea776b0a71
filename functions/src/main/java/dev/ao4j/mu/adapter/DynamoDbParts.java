package dev.ao4j.mu.adapter;

import static dev.ao4j.aws.DynamoDbTables.b;
import static dev.ao4j.aws.DynamoDbTables.n;
import static dev.ao4j.aws.DynamoDbTables.s;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.aws.DynamoDbTables;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Values over DynamoDB's 400 KB item limit, in the MU's table: the parts of a value sit in a partition of their
 * own, named by the value's SHA-256 ({@code <prefix>#<digest>} / {@code part#00000}…), and a head item elsewhere
 * refers to them by digest and count. Parts are written before the head, so a head is only ever seen whole, and
 * a reader checks the digest of what it joined.
 */
record DynamoDbParts(DynamoDbClient dynamo, String table) {
    /** A value up to this size is kept inline in its head item. */
    static final int INLINE_BYTES = 350_000;

    /** The head's attributes for {@code value}: inline, or after writing its parts under {@code prefix}. */
    Map<String, AttributeValue> store(String prefix, byte[] value, long expires) {
        if (value.length <= INLINE_BYTES) {
            return Map.of("raw", b(value));
        }
        String digest = Base64Url.encode(Hashes.sha256(value));
        int parts = (value.length + INLINE_BYTES - 1) / INLINE_BYTES;
        for (int part = 0; part < parts; part++) {
            byte[] chunk = Arrays.copyOfRange(value, part * INLINE_BYTES, Math.min(value.length, (part + 1) * INLINE_BYTES));
            String sk = "part#%05d".formatted(part); // sorts as numbers: a query returns the parts in order
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(prefix + "#" + digest), "sk", s(sk), "data", b(chunk),
                    DynamoDbMuTable.EXPIRES, n(expires))));
        }
        return Map.of("digest", s(digest), "parts", n(parts));
    }

    /** The value a head item holds, inline or in parts under {@code prefix}. */
    byte[] load(String prefix, Map<String, AttributeValue> head) {
        if (head.containsKey("raw")) {
            return head.get("raw").b().asByteArray();
        }
        String digest = head.get("digest").s();
        int parts = Integer.parseInt(head.get("parts").n());
        List<Map<String, AttributeValue>> items = DynamoDbTables.queryAll(dynamo, table, prefix + "#" + digest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        items.stream().limit(parts).forEach(item -> out.writeBytes(item.get("data").b().asByteArray()));
        byte[] value = out.toByteArray();
        if (items.size() < parts || !Base64Url.encode(Hashes.sha256(value)).equals(digest)) {
            throw new IllegalStateException(prefix + ": " + items.size() + " of " + parts + " parts, not the value "
                    + digest + " names");
        }
        return value;
    }

    /** The head item at a key, if any. */
    Optional<Map<String, AttributeValue>> head(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s(pk), "sk", s(sk)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
