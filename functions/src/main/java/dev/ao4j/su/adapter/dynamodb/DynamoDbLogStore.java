package dev.ao4j.su.adapter.dynamodb;

import static dev.ao4j.aws.DynamoDbTables.attribute;
import static dev.ao4j.aws.DynamoDbTables.b;
import static dev.ao4j.aws.DynamoDbTables.key;
import static dev.ao4j.aws.DynamoDbTables.n;
import static dev.ao4j.aws.DynamoDbTables.s;

import dev.ao4j.aws.DynamoDbTables;
import dev.ao4j.su.core.Slot;
import dev.ao4j.su.port.AppendConflict;
import dev.ao4j.su.port.LogStore;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The SU log in one DynamoDB table, written with conditional transactions.
 *
 * <p>Layout (partition key {@code pk} string, sort key {@code sk} number):
 * <ul>
 *   <li>{@code n#<process>} / nonce — the claim on a nonce; {@code attribute_not_exists} makes it the lock-free
 *       arbiter between SU instances, and a condition check on the previous nonce forbids gaps;</li>
 *   <li>{@code s#<process>} / timestamp — the slot itself, so a range by timestamp (how CUs page) is one
 *       strongly consistent Query;</li>
 *   <li>{@code m#<process>#<message>} / 0 and {@code d#<process>#<dedupe key>} / 0 — uniqueness of a message
 *       and of a push's content within the process;</li>
 *   <li>{@code b#<message>} / part — message bytes too large for one item (DynamoDB caps items at 400 KB and
 *       transactions at 4 MB), written before the transaction; a lost race leaves parts that the retry reuses.</li>
 * </ul>
 * Slots pending upload carry {@code pend}, a sparse global index {@value #PENDING_INDEX} lists them.
 */
public final class DynamoDbLogStore implements LogStore {
    public static final String PENDING_INDEX = "pending-upload";
    /** Four writes a slot and one condition check fit DynamoDB's 100-action transactions. */
    public static final int MAX_SLOTS_PER_APPEND = 24;
    private static final int INLINE_LIMIT = 350_000;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbLogStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Creates the table when it does not exist: for local runs and tests; Terraform owns it in AWS. */
    public static void createTableIfMissing(DynamoDbClient dynamo, String table) {
        DynamoDbTables.createIfMissing(dynamo, CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(
                        attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("pend", ScalarAttributeType.S), attribute("ts", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(PENDING_INDEX)
                        .keySchema(key("pend", KeyType.HASH), key("ts", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build()));
    }

    @Override
    public Optional<Slot> slot(String processId, long nonce) {
        return get("n#" + processId, nonce).flatMap(claim -> slotAt(processId, number(claim, "ts")));
    }

    @Override
    public Optional<Slot> latest(String processId) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("s#" + processId)))
                .scanIndexForward(false).limit(1).build());
        return response.items().stream().findFirst().map(this::toSlot);
    }

    @Override
    public Optional<Slot> findMessage(String processId, String messageId) {
        return get("m#" + processId + "#" + messageId, 0).flatMap(index -> slot(processId, number(index, "n")));
    }

    @Override
    public Optional<Slot> findDedupe(String processId, String dedupeKey) {
        return get("d#" + processId + "#" + dedupeKey, 0).flatMap(index -> slot(processId, number(index, "n")));
    }

    @Override
    public List<Slot> range(String processId, long afterTimestamp, long toTimestamp, int limit, long maxBytes) {
        List<Slot> slots = new ArrayList<>();
        if (limit < 1) {
            return slots;
        }
        Map<String, AttributeValue> start = null;
        long bytes = 0;
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s("s#" + processId),
                            ":from", n(afterTimestamp + 1), ":to", n(toTimestamp)))
                    .limit(limit - slots.size())
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (bytes >= maxBytes) {
                    return slots; // large messages are read from their parts: stop before the next one
                }
                Slot slot = toSlot(item);
                slots.add(slot);
                bytes += slot.size();
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && slots.size() < limit && bytes < maxBytes);
        return slots;
    }

    @Override
    public void append(List<Slot> consecutive) throws AppendConflict {
        if (consecutive.isEmpty()) {
            return;
        }
        if (consecutive.size() > MAX_SLOTS_PER_APPEND) {
            throw new IllegalArgumentException("at most " + MAX_SLOTS_PER_APPEND + " slots per append");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        Slot first = consecutive.getFirst();
        if (first.nonce() > 0) {
            writes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(Map.of("pk", s("n#" + first.processId()), "sk", n(first.nonce() - 1)))
                    .conditionExpression("attribute_exists(pk)").build()).build());
        }
        for (Slot slot : consecutive) {
            String pid = slot.processId();
            writes.add(putIfAbsent(Map.of("pk", s("n#" + pid), "sk", n(slot.nonce()), "ts", n(slot.timestamp()))));
            writes.add(putIfAbsent(slotItem(slot)));
            writes.add(putIfAbsent(Map.of("pk", s("m#" + pid + "#" + slot.messageId()), "sk", n(0), "n", n(slot.nonce()))));
            if (slot.dedupeKey() != null) {
                writes.add(putIfAbsent(Map.of("pk", s("d#" + pid + "#" + slot.dedupeKey()), "sk", n(0), "n", n(slot.nonce()))));
            }
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw new AppendConflict("conditional write refused: " + e.cancellationReasons(), e);
        }
    }

    @Override
    public int maxSlotsPerAppend() {
        return MAX_SLOTS_PER_APPEND;
    }

    @Override
    public List<Slot> pendingUploads(int limit) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(PENDING_INDEX)
                .keyConditionExpression("pend = :p").expressionAttributeValues(Map.of(":p", s("p")))
                .limit(limit).build());
        List<Slot> slots = new ArrayList<>();
        for (Map<String, AttributeValue> key : response.items()) {
            String processId = key.get("pk").s().substring(2);
            slotAt(processId, Long.parseLong(key.get("sk").n())).ifPresent(slots::add);
        }
        return slots;
    }

    @Override
    public void markUploaded(List<Slot> uploaded) {
        for (Slot slot : uploaded) {
            get("n#" + slot.processId(), slot.nonce()).ifPresent(claim -> dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s("s#" + slot.processId()), "sk", n(number(claim, "ts"))))
                    .updateExpression("REMOVE pend")));
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }

    private Map<String, AttributeValue> slotItem(Slot slot) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("s#" + slot.processId()));
        item.put("sk", n(slot.timestamp()));
        item.put("ts", n(slot.timestamp()));
        item.put("nonce", n(slot.nonce()));
        item.put("epoch", n(slot.epoch()));
        item.put("height", n(slot.blockHeight()));
        item.put("chain", s(slot.hashChain()));
        item.put("aid", s(slot.assignmentId()));
        item.put("asg", b(slot.assignment()));
        item.put("mid", s(slot.messageId()));
        item.put("pend", s("p"));
        if (slot.dedupeKey() != null) {
            item.put("dk", s(slot.dedupeKey()));
        }
        byte[] message = slot.message();
        if (message != null && message.length <= INLINE_LIMIT) {
            item.put("msg", b(message));
        } else if (message != null) {
            item.put("parts", n(writeParts(slot.messageId(), message)));
        }
        return item;
    }

    private int writeParts(String messageId, byte[] message) {
        int parts = (message.length + INLINE_LIMIT - 1) / INLINE_LIMIT;
        for (int part = 0; part < parts; part++) {
            int from = part * INLINE_LIMIT;
            byte[] chunk = java.util.Arrays.copyOfRange(message, from, Math.min(message.length, from + INLINE_LIMIT));
            int index = part;
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("b#" + messageId), "sk", n(index), "data", b(chunk))));
        }
        return parts;
    }

    private byte[] readParts(String messageId, long parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long part = 0; part < parts; part++) {
            Map<String, AttributeValue> chunk = get("b#" + messageId, part)
                    .orElseThrow(() -> new IllegalStateException("message " + messageId + " is missing a part"));
            out.writeBytes(chunk.get("data").b().asByteArray());
        }
        return out.toByteArray();
    }

    private Optional<Slot> slotAt(String processId, long timestamp) {
        return get("s#" + processId, timestamp).map(this::toSlot);
    }

    private Slot toSlot(Map<String, AttributeValue> item) {
        String messageId = item.get("mid").s();
        byte[] message = item.containsKey("msg") ? item.get("msg").b().asByteArray()
                : item.containsKey("parts") ? readParts(messageId, number(item, "parts")) : null;
        return new Slot(item.get("pk").s().substring(2), number(item, "nonce"), number(item, "epoch"), number(item, "ts"),
                number(item, "height"), item.get("chain").s(), item.get("aid").s(), item.get("asg").b().asByteArray(),
                messageId, message, item.containsKey("dk") ? item.get("dk").s() : null);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, long sk) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s(pk), "sk", n(sk)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }
}
