package dev.ao4j.arweave.store.graphql;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.BlockQuery;
import dev.ao4j.arweave.store.HeightRange;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.Page;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.SortOrder;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.store.TagFilter;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of an Arweave gateway's GraphQL API that AO's units and aoconnect use: {@code transactions},
 * {@code transaction}, {@code blocks} and {@code block}, over any {@link Permastore}. Built on graphql-java,
 * so variables, aliases, fragments and {@code @skip}/{@code @include} behave as on arweave.net, and only the
 * selected fields are returned. Fetchers answer plain maps (no reflection, native-image friendly).
 */
public final class GatewayGraphQl {
    /** The gateway schema's types, as arweave.net and arlocal name them. */
    static final String SCHEMA = """
            type Query {
              transaction(id: ID!): Transaction
              transactions(ids: [ID!], owners: [String!], recipients: [String!], tags: [TagFilter!], bundledIn: [ID!],
                           block: BlockFilter, first: Int = 10, after: String, sort: SortOrder = HEIGHT_DESC): TransactionConnection!
              block(id: String): Block
              blocks(ids: [ID!], height: BlockFilter, first: Int = 10, after: String, sort: SortOrder = HEIGHT_DESC): BlockConnection!
            }
            enum SortOrder { HEIGHT_ASC HEIGHT_DESC }
            enum TagOperator { EQ NEQ }
            input TagFilter { name: String!, values: [String!]!, op: TagOperator = EQ }
            input BlockFilter { min: Int, max: Int }
            type PageInfo { hasNextPage: Boolean! }
            type TransactionConnection { pageInfo: PageInfo!, edges: [TransactionEdge!]! }
            type TransactionEdge { cursor: String!, node: Transaction! }
            type BlockConnection { pageInfo: PageInfo!, edges: [BlockEdge!]! }
            type BlockEdge { cursor: String!, node: Block! }
            type Transaction {
              id: ID!
              anchor: String!
              signature: String!
              recipient: String!
              owner: Owner!
              fee: Amount!
              quantity: Amount!
              data: MetaData!
              tags: [Tag!]!
              block: Block
              parent: Parent @deprecated(reason: "Use `bundledIn`")
              bundledIn: Bundle
            }
            type Parent { id: ID! }
            type Bundle { id: ID! }
            type Block { id: ID!, timestamp: Int!, height: Int!, previous: ID! }
            type MetaData { size: String!, type: String }
            type Amount { winston: String!, ar: String! }
            type Owner { address: String!, key: String! }
            type Tag { name: String!, value: String! }
            """;

    /** Data items carry no fee or quantity of their own: a gateway reports zero. */
    private static final Map<String, Object> ZERO = Map.of("winston", "0", "ar", "0.000000000000");

    /**
     * What one request may ask for. Each root field ({@code transactions}, {@code transaction}, {@code blocks},
     * {@code block}, aliases included) is a query of the store and weighs {@link #STORE_QUERY_WEIGHT}; every other
     * selected field weighs 1.
     *
     * @param maxDepth      the deepest field nesting (the reference clients' queries nest 5 levels at most)
     * @param maxComplexity the largest total weight; the default admits ten store queries of any usual shape
     */
    public record Limits(int maxDepth, int maxComplexity) {
        public static final Limits DEFAULT = new Limits(12, 1_000);

        public Limits {
            if (maxDepth < 1 || maxComplexity < 1) {
                throw new IllegalArgumentException("GraphQL limits must be positive: " + maxDepth + ", " + maxComplexity);
            }
        }
    }

    /** The weight of a root field: one store query, as dear as many plain fields. */
    static final int STORE_QUERY_WEIGHT = 90;

    private final Permastore store;
    private final GraphQL graphQl;

    public GatewayGraphQl(Permastore store) {
        this(store, Limits.DEFAULT);
    }

    public GatewayGraphQl(Permastore store, Limits limits) {
        this.store = store;
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", q -> q
                        .dataFetcher("transactions", guarded(this::transactions))
                        .dataFetcher("transaction", guarded(this::transaction))
                        .dataFetcher("blocks", guarded(this::blocks))
                        .dataFetcher("block", guarded(this::block)))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
        FieldComplexityCalculator weight = (env, children) ->
                (env.getParentEnvironment() == null ? STORE_QUERY_WEIGHT : 1) + children;
        // Without these, one request of a thousand aliased store queries (or deeply nested fragments) keeps a
        // request thread and the store busy; the parser's token cap alone does not prevent it.
        this.graphQl = GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryDepthInstrumentation(limits.maxDepth()),
                        new MaxQueryComplexityInstrumentation(limits.maxComplexity(), weight))))
                .build();
    }

    /**
     * Runs one request and answers the GraphQL response ({@code data}, and {@code errors} when a field failed).
     *
     * @throws GraphQlRequestException when the query does not parse or does not validate against the schema
     */
    public Map<String, Object> execute(String query, Map<String, Object> variables, String operationName) throws GraphQlRequestException {
        if (query == null || query.isBlank()) {
            throw new GraphQlRequestException("query: missing");
        }
        ExecutionInput input = ExecutionInput.newExecutionInput(query)
                .variables(variables == null ? Map.of() : variables)
                .operationName(operationName)
                .build();
        ExecutionResult result = graphQl.execute(input);
        if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
            // No data at all: the request itself is wrong (syntax, validation, variable coercion).
            throw new GraphQlRequestException(result.getErrors().stream().map(GraphQLError::getMessage).reduce((a, b) -> a + "; " + b).orElse("invalid query"));
        }
        return result.toSpecification();
    }

    private interface StoreFetcher {
        Object fetch(DataFetchingEnvironment env) throws PermastoreException;
    }

    /** A store failure becomes a GraphQL field error carrying its message, as gateways report them. */
    private static DataFetcher<Object> guarded(StoreFetcher fetcher) {
        return env -> {
            try {
                return fetcher.fetch(env);
            } catch (PermastoreException | IllegalArgumentException e) {
                return DataFetcherResult.newResult()
                        .error(GraphqlErrorBuilder.newError(env).message(e.getMessage()).build())
                        .build();
            }
        };
    }

    // ---- transactions

    private Object transactions(DataFetchingEnvironment env) throws PermastoreException {
        List<TagFilter> tags = new ArrayList<>();
        for (Map<String, Object> tag : listOfMaps(env.getArgument("tags"))) {
            if (!"EQ".equals(String.valueOf(tag.getOrDefault("op", "EQ")))) {
                throw new IllegalArgumentException("tags: only the EQ operator is supported");
            }
            tags.add(new TagFilter((String) tag.get("name"), strings(tag.get("values"))));
        }
        ItemQuery query = new ItemQuery(
                strings(env.getArgument("ids")),
                strings(env.getArgument("owners")),
                strings(env.getArgument("recipients")),
                tags,
                strings(env.getArgument("bundledIn")),
                heightRange(env.getArgument("block")),
                first(env),
                env.getArgument("after"),
                sort(env));
        Page<StoredItem> page = store.query(query);
        return connection(page, GatewayGraphQl::transactionNode);
    }

    private Object transaction(DataFetchingEnvironment env) throws PermastoreException {
        String id = env.getArgument("id");
        return store.item(id).map(GatewayGraphQl::transactionNode).orElse(null);
    }

    static Map<String, Object> transactionNode(StoredItem item) {
        Map<String, Object> node = new HashMap<>();
        node.put("id", item.id());
        node.put("anchor", item.anchor().orElse(""));
        node.put("signature", item.signature());
        node.put("recipient", item.recipient().orElse(""));
        node.put("owner", Map.of("address", item.ownerAddress(), "key", item.owner()));
        node.put("fee", ZERO);
        node.put("quantity", ZERO);
        Map<String, Object> data = new HashMap<>();
        data.put("size", Long.toString(item.dataSize()));
        data.put("type", item.contentType().orElse(null));
        node.put("data", data);
        List<Map<String, Object>> tags = new ArrayList<>(item.tags().size());
        for (Tag tag : item.tags()) {
            tags.add(Map.of("name", tag.name(), "value", tag.value()));
        }
        node.put("tags", tags);
        node.put("block", item.block().map(GatewayGraphQl::blockNode).orElse(null));
        Map<String, Object> bundle = item.bundledIn().map(id -> Map.<String, Object>of("id", id)).orElse(null);
        node.put("parent", bundle);
        node.put("bundledIn", bundle);
        return node;
    }

    // ---- blocks

    private Object blocks(DataFetchingEnvironment env) throws PermastoreException {
        BlockQuery query = new BlockQuery(strings(env.getArgument("ids")), heightRange(env.getArgument("height")), first(env),
                env.getArgument("after"), sort(env));
        return connection(store.blocks(query), GatewayGraphQl::blockNode);
    }

    private Object block(DataFetchingEnvironment env) throws PermastoreException {
        String id = env.getArgument("id");
        if (id == null) {
            return blockNode(store.currentBlock());
        }
        Page<BlockInfo> page = store.blocks(new BlockQuery(List.of(id), HeightRange.ANY, 1, null, SortOrder.HEIGHT_DESC));
        return page.nodes().stream().findFirst().map(GatewayGraphQl::blockNode).orElse(null);
    }

    static Map<String, Object> blockNode(BlockInfo block) {
        Map<String, Object> node = new HashMap<>();
        node.put("id", block.id());
        node.put("height", block.height());
        node.put("timestamp", block.timestamp());
        node.put("previous", block.previous());
        return node;
    }

    // ---- argument helpers

    private interface NodeMapper<T> {
        Map<String, Object> map(T value);
    }

    private static <T> Map<String, Object> connection(Page<T> page, NodeMapper<T> mapper) {
        List<Map<String, Object>> edges = new ArrayList<>(page.edges().size());
        for (Page.Edge<T> edge : page.edges()) {
            edges.add(Map.of("cursor", edge.cursor(), "node", mapper.map(edge.node())));
        }
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("pageInfo", Map.of("hasNextPage", page.hasNextPage()));
        connection.put("edges", edges);
        return connection;
    }

    private static int first(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        if (first == null) {
            return ItemQuery.DEFAULT_FIRST;
        }
        if (first < 0) {
            throw new IllegalArgumentException("first: must not be negative");
        }
        return first;
    }

    private static SortOrder sort(DataFetchingEnvironment env) {
        Object sort = env.getArgument("sort");
        return sort == null ? SortOrder.HEIGHT_DESC : SortOrder.valueOf(sort.toString());
    }

    private static HeightRange heightRange(Object argument) {
        if (!(argument instanceof Map<?, ?> range)) {
            return HeightRange.ANY;
        }
        return new HeightRange(asLong(range.get("min")), asLong(range.get("max")));
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object element : (List<?>) value) {
            out.add((String) element);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
