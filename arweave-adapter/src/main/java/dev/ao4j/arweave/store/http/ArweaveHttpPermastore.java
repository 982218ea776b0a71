package dev.ao4j.arweave.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Bundle;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.BlockQuery;
import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.DataSlice;
import dev.ao4j.arweave.store.HeightRange;
import dev.ao4j.arweave.store.InvalidItemException;
import dev.ao4j.arweave.store.InvalidQueryException;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.ItemStatus;
import dev.ao4j.arweave.store.Page;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.PutReceipt;
import dev.ao4j.arweave.store.StoreUnavailableException;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.store.TagFilter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Permanent storage on Arweave itself: reads from a gateway (GraphQL, {@code /{id}}, {@code /tx/{id}/status},
 * {@code /info}, {@code /block/height/{h}}) and writes through a bundler ({@code POST {bundler}/tx/{currency}}).
 * Items arrive signed by their units, so no wallet is needed to upload them (a bundler bills the signer).
 * Every call has a timeout and is retried with exponential backoff on network errors, 429 and 5xx; a gateway
 * that stays down surfaces as {@link StoreUnavailableException} naming the URL.
 */
public final class ArweaveHttpPermastore implements Permastore {
    private static final Logger LOG = Logger.getLogger(ArweaveHttpPermastore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ITEM_FIELDS = """
            id anchor signature recipient owner { address key } tags { name value } data { size type }
            block { id height timestamp previous } parent { id } bundledIn { id }""";
    private static final String TRANSACTIONS_QUERY = """
            query($ids: [ID!], $owners: [String!], $recipients: [String!], $tags: [TagFilter!], $bundledIn: [ID!],
                  $block: BlockFilter, $first: Int, $after: String, $sort: SortOrder) {
              transactions(ids: $ids, owners: $owners, recipients: $recipients, tags: $tags, bundledIn: $bundledIn,
                           block: $block, first: $first, after: $after, sort: $sort) {
                pageInfo { hasNextPage }
                edges { cursor node { %s } }
              }
            }""".formatted(ITEM_FIELDS);
    private static final String BLOCKS_QUERY = """
            query($ids: [ID!], $height: BlockFilter, $first: Int, $after: String, $sort: SortOrder) {
              blocks(ids: $ids, height: $height, first: $first, after: $after, sort: $sort) {
                pageInfo { hasNextPage }
                edges { cursor node { id height timestamp previous } }
              }
            }""";

    private final ArweaveHttpConfig config;
    private final HttpClient http;

    public ArweaveHttpPermastore(ArweaveHttpConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    // ---- writes

    @Override
    public PutReceipt put(DataItem item) throws PermastoreException {
        if (item.tag("Bundle-Format").filter("binary"::equals).isPresent()) {
            return putBundle(item);
        }
        requireValid(item, "");
        return upload(item, List.of());
    }

    @Override
    public PutReceipt putBundle(DataItem bundleItem) throws PermastoreException {
        requireValid(bundleItem, "");
        List<DataItem> nested;
        try {
            nested = Bundle.parse(bundleItem.data());
        } catch (Ans104Exception e) {
            throw new InvalidItemException("data." + e.field(), "bundle " + bundleItem.id() + ": " + e.getMessage());
        }
        for (int i = 0; i < nested.size(); i++) {
            requireValid(nested.get(i), "bundle[" + i + "].");
        }
        return upload(bundleItem, nested.stream().map(DataItem::id).toList());
    }

    private static void requireValid(DataItem item, String where) throws InvalidItemException {
        if (!item.verify()) {
            throw new InvalidItemException(where + "signature", "does not verify against the owner's key (item " + item.id() + ")");
        }
    }

    private PutReceipt upload(DataItem item, List<String> nestedIds) throws PermastoreException {
        URI uri = config.bundler().resolve("tx/" + config.currency());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(item.raw()))
                .build();
        HttpResponse<byte[]> response = send(request, "bundler");
        if (response.statusCode() >= 400) {
            throw new InvalidItemException("item", "the bundler at " + uri + " refused " + item.id() + " with "
                    + response.statusCode() + ": " + text(response.body()));
        }
        JsonNode answer = json(response, "bundler");
        String id = answer.path("id").asText(item.id());
        if (!id.equals(item.id())) {
            throw new StoreUnavailableException("the bundler at " + uri + " answered id " + id + " for item " + item.id(), null);
        }
        long timestamp = answer.path("timestamp").asLong(System.currentTimeMillis());
        return new PutReceipt(id, timestamp, answer.path("block").asLong(-1), nestedIds);
    }

    // ---- reads

    @Override
    public Optional<StoredItem> item(String id) throws PermastoreException {
        return query(ItemQuery.all().withIds(id).withFirst(1)).nodes().stream().findFirst();
    }

    @Override
    public Optional<DataSlice> data(String id, ByteRange range) throws PermastoreException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.gateway().resolve(id)).timeout(config.timeout()).GET();
        boolean partial = !range.equals(ByteRange.ALL);
        if (partial) {
            long last = range.length() == 0 ? range.offset() : range.offset() + range.length() - 1;
            request.header("Range", "bytes=" + range.offset() + "-" + last);
        }
        HttpResponse<byte[]> response = send(request.build(), "gateway");
        return switch (response.statusCode()) {
            case 404 -> Optional.empty();
            case 206 -> Optional.of(fromContentRange(response, id));
            case 416 -> Optional.of(new DataSlice(new byte[0], range.offset(), totalFromContentRange(response).orElse(range.offset())));
            case 200 -> Optional.of(slice(response.body(), range));
            default -> throw unexpected("GET " + config.gateway().resolve(id), response);
        };
    }

    /** A gateway that ignores Range answers everything: cut the asked part out locally. */
    private static DataSlice slice(byte[] whole, ByteRange range) {
        int from = (int) Math.min(range.offset(), whole.length);
        int to = (int) Math.min(whole.length, from + Math.min(range.length(), whole.length));
        return new DataSlice(from == 0 && to == whole.length ? whole : Arrays.copyOfRange(whole, from, to), from, whole.length);
    }

    private static DataSlice fromContentRange(HttpResponse<byte[]> response, String id) throws StoreUnavailableException {
        String header = response.headers().firstValue("Content-Range").orElse("");
        // bytes first-last/size
        try {
            String spec = header.substring("bytes ".length());
            long first = Long.parseLong(spec.substring(0, spec.indexOf('-')));
            long size = Long.parseLong(spec.substring(spec.indexOf('/') + 1));
            return new DataSlice(response.body(), first, size);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("the gateway answered 206 for " + id + " with Content-Range '" + header + "'", e);
        }
    }

    private static Optional<Long> totalFromContentRange(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Range")
                .filter(h -> h.contains("/"))
                .map(h -> h.substring(h.indexOf('/') + 1))
                .flatMap(s -> {
                    try {
                        return Optional.of(Long.parseLong(s.trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public Optional<ItemStatus> status(String id) throws PermastoreException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(config.gateway().resolve("tx/" + id + "/status"))
                .timeout(config.timeout()).GET().build(), "gateway");
        if (response.statusCode() == 200 && text(response.body()).trim().startsWith("{")) {
            JsonNode status = json(response, "gateway");
            return Optional.of(new ItemStatus.Confirmed(status.path("block_height").asLong(), status.path("block_indep_hash").asText(),
                    status.path("number_of_confirmations").asLong()));
        }
        if (response.statusCode() == 202 || (response.statusCode() == 200 && text(response.body()).contains("Pending"))) {
            return Optional.of(new ItemStatus.Pending());
        }
        if (response.statusCode() != 404) {
            throw unexpected("GET /tx/" + id + "/status", response);
        }
        // Gateways answer /tx/{id}/status for base-layer transactions only: a bundled item's block comes from GraphQL.
        Optional<StoredItem> item = item(id);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        Optional<BlockInfo> block = item.get().block();
        if (block.isEmpty()) {
            return Optional.of(new ItemStatus.Pending());
        }
        long tip = currentBlock().height();
        return Optional.of(new ItemStatus.Confirmed(block.get().height(), block.get().id(), tip - block.get().height() + 1));
    }

    @Override
    public Page<StoredItem> query(ItemQuery query) throws PermastoreException {
        ObjectNode variables = JSON.createObjectNode();
        putList(variables, "ids", query.ids());
        putList(variables, "owners", query.owners());
        putList(variables, "recipients", query.recipients());
        putList(variables, "bundledIn", query.bundledIn());
        if (!query.tags().isEmpty()) {
            ArrayNode tags = variables.putArray("tags");
            for (TagFilter tag : query.tags()) {
                ObjectNode filter = tags.addObject().put("name", tag.name());
                tag.values().forEach(filter.putArray("values")::add);
            }
        }
        putRange(variables, "block", query.block());
        variables.put("first", query.first());
        if (query.after() != null) {
            variables.put("after", query.after());
        }
        variables.put("sort", query.sort().name());
        Page<StoredItem> page = page(graphql(TRANSACTIONS_QUERY, variables).path("transactions"), ArweaveHttpPermastore::toStoredItem);
        return withoutRepeats(page);
    }

    @Override
    public Page<BlockInfo> blocks(BlockQuery query) throws PermastoreException {
        ObjectNode variables = JSON.createObjectNode();
        putList(variables, "ids", query.ids());
        putRange(variables, "height", query.height());
        variables.put("first", query.first());
        if (query.after() != null) {
            variables.put("after", query.after());
        }
        variables.put("sort", query.sort().name());
        return page(graphql(BLOCKS_QUERY, variables).path("blocks"), ArweaveHttpPermastore::toBlock);
    }

    @Override
    public Optional<BlockInfo> block(long height) throws PermastoreException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(config.gateway().resolve("block/height/" + height))
                .timeout(config.timeout()).GET().build(), "gateway");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw unexpected("GET /block/height/" + height, response);
        }
        JsonNode block = json(response, "gateway");
        return Optional.of(new BlockInfo(block.path("height").asLong(), block.path("indep_hash").asText(),
                block.path("previous_block").asText(""), block.path("timestamp").asLong()));
    }

    @Override
    public BlockInfo currentBlock() throws PermastoreException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(config.gateway().resolve("info")).timeout(config.timeout()).GET().build(), "gateway");
        if (response.statusCode() != 200) {
            throw unexpected("GET /info", response);
        }
        long height = json(response, "gateway").path("height").asLong();
        return block(height).orElseThrow(() -> new StoreUnavailableException("the gateway's /info names height " + height
                + " but /block/height/" + height + " is missing", null));
    }

    @Override
    public void close() {
        http.close();
    }

    // ---- GraphQL plumbing

    private JsonNode graphql(String query, ObjectNode variables) throws PermastoreException {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", variables);
        URI uri = config.gateway().resolve("graphql");
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), "gateway");
        if (response.statusCode() == 400) {
            throw new InvalidQueryException("the gateway at " + uri + " refused the query: " + text(response.body()));
        }
        if (response.statusCode() != 200) {
            throw unexpected("POST " + uri, response);
        }
        JsonNode answer = json(response, "gateway");
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new InvalidQueryException("the gateway at " + uri + " answered errors: " + errors.get(0).path("message").asText(errors.toString()));
        }
        return answer.path("data");
    }

    private static <T> Page<T> page(JsonNode connection, Function<JsonNode, T> mapper) {
        List<Page.Edge<T>> edges = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            edges.add(new Page.Edge<>(edge.path("cursor").asText(), mapper.apply(edge.path("node"))));
        }
        return new Page<>(edges, connection.path("pageInfo").path("hasNextPage").asBoolean(false));
    }

    /** Some gateways (arlocal) repeat an item once per matching tag when it carries a tag twice. */
    private static Page<StoredItem> withoutRepeats(Page<StoredItem> page) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Page.Edge<StoredItem>> edges = page.edges().stream().filter(edge -> seen.add(edge.node().id())).toList();
        return edges.size() == page.edges().size() ? page : new Page<>(edges, page.hasNextPage());
    }

    static StoredItem toStoredItem(JsonNode node) {
        List<Tag> tags = new ArrayList<>();
        for (JsonNode tag : node.path("tags")) {
            tags.add(new Tag(tag.path("name").asText(), tag.path("value").asText()));
        }
        JsonNode bundle = node.path("bundledIn").isObject() ? node.path("bundledIn") : node.path("parent");
        return new StoredItem(
                node.path("id").asText(),
                node.path("signature").asText(),
                node.path("owner").path("key").asText(),
                node.path("owner").path("address").asText(),
                nonEmpty(node.path("recipient").asText("")),
                nonEmpty(node.path("anchor").asText("")),
                tags,
                node.path("data").path("size").asLong(),
                node.path("data").path("type").isTextual() ? nonEmpty(node.path("data").path("type").asText()) : Optional.empty(),
                node.path("block").isObject() ? Optional.of(toBlock(node.path("block"))) : Optional.empty(),
                bundle.isObject() ? nonEmpty(bundle.path("id").asText("")) : Optional.empty());
    }

    static BlockInfo toBlock(JsonNode node) {
        return new BlockInfo(node.path("height").asLong(), node.path("id").asText(), node.path("previous").asText(""), node.path("timestamp").asLong());
    }

    private static Optional<String> nonEmpty(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static void putList(ObjectNode variables, String name, List<String> values) {
        if (!values.isEmpty()) {
            values.forEach(variables.putArray(name)::add);
        }
    }

    private static void putRange(ObjectNode variables, String name, HeightRange range) {
        if (range.min() != null || range.max() != null) {
            ObjectNode filter = variables.putObject(name);
            if (range.min() != null) {
                filter.put("min", range.min());
            }
            if (range.max() != null) {
                filter.put("max", range.max());
            }
        }
    }

    // ---- HTTP with retries

    /** Sends with retries on network errors, 429 and 5xx; any other answer is returned to the caller. */
    private HttpResponse<byte[]> send(HttpRequest request, String what) throws StoreUnavailableException {
        long delay = config.backoff().toMillis();
        String failure = null;
        Exception cause = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 429 && response.statusCode() < 500) {
                    return response;
                }
                failure = "answered " + response.statusCode() + ": " + text(response.body());
                cause = null;
            } catch (IOException e) {
                failure = "is unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while calling the " + what + " at " + request.uri(), e);
            }
            if (attempt < config.maxAttempts()) {
                LOG.debugf("%s %s %s (attempt %d), retrying in %d ms", what, request.uri(), failure, attempt, delay);
                sleep(delay);
                delay *= 2;
            }
        }
        throw new StoreUnavailableException("the " + what + " at " + request.uri() + " " + failure + " (after " + config.maxAttempts() + " attempts)", cause);
    }

    private static void sleep(long millis) throws StoreUnavailableException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while backing off", e);
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response, String what) throws StoreUnavailableException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StoreUnavailableException("the " + what + " at " + response.uri() + " answered something that is not JSON: "
                    + text(response.body()), e);
        }
    }

    private static StoreUnavailableException unexpected(String call, HttpResponse<byte[]> response) {
        return new StoreUnavailableException(call + " answered " + response.statusCode() + ": " + text(response.body()), null);
    }

    private static String text(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
