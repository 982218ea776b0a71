package dev.ao4j.arweave.store.graphql;

import static dev.ao4j.arweave.store.TestItems.alice;
import static dev.ao4j.arweave.store.TestItems.bob;
import static dev.ao4j.arweave.store.TestItems.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.testing.Compat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway GraphQL subset answering the exact query strings the reference clients send: those of
 * aoconnect 0.0.98 and ao-scheduler-utils are read from compat/node_modules at test time; the CU's queries
 * (not shipped in an npm package) are written here with the same arguments, variable types and selections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayGraphQlTest {
    @TempDir
    static Path dataDir;

    private EmbeddedPermastore store;
    private GatewayGraphQl graphQl;
    private DataItem module;
    private DataItem process;
    private DataItem newerLocation;
    private DataItem checkpoint;

    @BeforeAll
    void fill() throws Exception {
        store = EmbeddedPermastore.open(dataDir, BlockClock.manual());
        graphQl = new GatewayGraphQl(store);
        module = item(alice(), null, "\0asm", "Data-Protocol", "ao", "Type", "Module", "Module-Format", "wasm64-unknown-emscripten-draft_2024_02_15",
                "Input-Encoding", "JSON-1", "Output-Encoding", "JSON-1", "Content-Type", "application/wasm");
        store.put(module);
        store.mine(1);
        store.put(item(bob(), null, "", "Data-Protocol", "ao", "Variant", "ao.TN.1", "Type", "Scheduler-Location",
                "Url", "http://old.example", "Time-To-Live", "3600000"));
        store.mine(1);
        newerLocation = item(bob(), null, "", "Data-Protocol", "ao", "Variant", "ao.TN.1", "Type", "Scheduler-Location",
                "Url", "http://127.0.0.1:9999/su", "Time-To-Live", "3600000");
        store.put(newerLocation);
        process = item(alice(), null, "boot", "Data-Protocol", "ao", "Type", "Process", "Module", module.id(), "Scheduler", bob().address());
        store.put(process);
        store.mine(1);
        checkpoint = item(alice(), null, "memory", "Data-Protocol", "ao", "Type", "Checkpoint", "Process", process.id(), "Nonce", "7");
        store.put(checkpoint);
        store.mine(2);
    }

    @AfterAll
    void close() {
        store.close();
    }

    // ---- aoconnect 0.0.98

    @Test
    void aoconnectModuleLookupBeforeSpawn() throws Exception {
        String query = templateLiteral(Compat.compatDir().resolve("node_modules/@permaweb/aoconnect/dist/index.js"), "GET_TRANSACTIONS_QUERY");
        Map<String, Object> node = firstNode(graphQl.execute(query, Map.of("transactionIds", List.of(module.id())), null));
        assertEquals(Set.of("owner", "tags", "block"), node.keySet(), "only the selected fields");
        assertEquals(Map.of("address", alice().address()), node.get("owner"));
        assertTrue(tags(node).contains(Map.of("name", "Module-Format", "value", "wasm64-unknown-emscripten-draft_2024_02_15")));
        Map<?, ?> block = (Map<?, ?>) node.get("block");
        assertEquals(Set.of("id", "height", "timestamp"), block.keySet());
        assertEquals(0, ((Number) block.get("height")).intValue());
    }

    // ---- ao-scheduler-utils (used by aoconnect and the units to locate a process's SU)

    @Test
    void schedulerUtilsProcessLookupWithEveryTransactionField() throws Exception {
        String query = templateLiteral(schedulerUtils(), "GET_PROCESS_QUERY");
        Map<String, Object> result = graphQl.execute(query, Map.of("ids", List.of(process.id())), null);
        Map<String, Object> node = firstNode(result);
        assertEquals(process.id(), node.get("id"));
        assertEquals("", node.get("anchor"));
        assertEquals("", node.get("recipient"));
        assertEquals(Map.of("winston", "0", "ar", "0.000000000000"), node.get("fee"));
        assertEquals(Map.of("address", alice().address(), "key", dev.ao4j.arweave.ans104.Base64Url.encode(process.owner())), node.get("owner"));
        assertEquals("4", ((Map<?, ?>) node.get("data")).get("size"));
        assertNull(node.get("parent"));
        Map<?, ?> block = (Map<?, ?>) node.get("block");
        assertEquals(Set.of("id", "timestamp", "height", "previous"), block.keySet(), "two selections of block merge");
        assertEquals(BlockClock.blockId(1), block.get("previous"));
        assertEquals(Boolean.FALSE, ((Map<?, ?>) transactions(result).get("pageInfo")).get("hasNextPage"));
    }

    @Test
    void schedulerUtilsProcessTagsLookup() throws Exception {
        String query = templateLiteral(schedulerUtils(), "GET_TRANSACTIONS_QUERY");
        Map<String, Object> node = firstNode(graphQl.execute(query, Map.of("transactionIds", List.of(process.id())), null));
        assertTrue(tags(node).contains(Map.of("name", "Scheduler", "value", bob().address())));
    }

    @Test
    void schedulerUtilsSchedulerLocationTakesTheNewest() throws Exception {
        String query = templateLiteral(schedulerUtils(), "GET_SCHEDULER_LOCATION");
        Map<String, Object> result = graphQl.execute(query, Map.of("owner", bob().address()), null);
        List<Map<String, Object>> edges = edges(result);
        assertEquals(1, edges.size(), "first: 1");
        assertTrue(tags(firstNode(result)).contains(Map.of("name", "Url", "value", "http://127.0.0.1:9999/su")));
        assertTrue(edges(graphQl.execute(query, Map.of("owner", alice().address()), null)).isEmpty());
    }

    // ---- the CU's queries

    @Test
    void cuBlockMetadataPages() throws Exception {
        String query = """
                query GetBlocks($min: Int!, $limit: Int!) {
                  blocks(height: { min: $min }, first: $limit, sort: HEIGHT_ASC) {
                    pageInfo { hasNextPage }
                    edges { node { timestamp height } }
                  }
                }""";
        Map<String, Object> result = graphQl.execute(query, Map.of("min", 1, "limit", 2), null);
        Map<?, ?> blocks = (Map<?, ?>) ((Map<?, ?>) result.get("data")).get("blocks");
        List<?> edges = (List<?>) blocks.get("edges");
        assertEquals(List.of(1L, 2L), edges.stream().map(e -> ((Number) ((Map<?, ?>) ((Map<?, ?>) e).get("node")).get("height")).longValue()).toList());
        assertEquals(Boolean.TRUE, ((Map<?, ?>) blocks.get("pageInfo")).get("hasNextPage"));
    }

    @Test
    void cuTransactionMetaHonoursSkip() throws Exception {
        String query = """
                query GetProcesses($processIds: [ID!]!, $skipTags: Boolean!, $skipSignature: Boolean!, $skipAnchor: Boolean!) {
                  transactions(ids: $processIds) {
                    edges { node {
                      id
                      signature @skip(if: $skipSignature)
                      anchor @skip(if: $skipAnchor)
                      owner { address key }
                      tags @skip(if: $skipTags) { name value }
                      recipient
                    } }
                  }
                }""";
        Map<String, Object> node = firstNode(graphQl.execute(query,
                Map.of("processIds", List.of(process.id()), "skipTags", true, "skipSignature", false, "skipAnchor", true), null));
        assertEquals(Set.of("id", "signature", "owner", "recipient"), node.keySet());
    }

    @Test
    void cuCheckpointLookupByOwnersAndTags() throws Exception {
        String query = """
                query GetAoProcessCheckpoints($owners: [String!]!, $processId: String!, $limit: Int!) {
                  transactions(
                    tags: [
                      { name: "Process", values: [$processId] }
                      { name: "Type", values: ["Checkpoint"] }
                      { name: "Data-Protocol", values: ["ao"] }
                    ],
                    owners: $owners,
                    first: $limit,
                    sort: HEIGHT_DESC
                  ) {
                    edges { node { id owner { address } tags { name value } } }
                  }
                }""";
        Map<String, Object> result = graphQl.execute(query,
                Map.of("owners", List.of(alice().address()), "processId", process.id(), "limit", 50), null);
        assertEquals(List.of(checkpoint.id()), edges(result).stream().map(e -> ((Map<?, ?>) e.get("node")).get("id")).toList());
        assertTrue(edges(graphQl.execute(query, Map.of("owners", List.of(bob().address()), "processId", process.id(), "limit", 50), null)).isEmpty());
    }

    // ---- GraphQL behaviour

    @Test
    void aliasesAndCursorsWork() throws Exception {
        Map<String, Object> result = graphQl.execute("""
                { first: transactions(tags: [{name: "Data-Protocol", values: ["ao"]}], first: 1) { edges { cursor node { id } } pageInfo { hasNextPage } }
                  tip: block { height } }""", null, null);
        Map<?, ?> data = (Map<?, ?>) result.get("data");
        Map<?, ?> first = (Map<?, ?>) data.get("first");
        Map<?, ?> edge = (Map<?, ?>) ((List<?>) first.get("edges")).getFirst();
        assertEquals(checkpoint.id(), ((Map<?, ?>) edge.get("node")).get("id"));
        assertEquals(5, ((Number) ((Map<?, ?>) data.get("tip")).get("height")).intValue());

        Map<String, Object> next = graphQl.execute("query($after: String) { transactions(tags: [{name: \"Data-Protocol\", values: [\"ao\"]}], first: 1, after: $after) { edges { node { id } } } }",
                Map.of("after", edge.get("cursor")), null);
        assertEquals(process.id(), ((Map<?, ?>) edges(next).getFirst().get("node")).get("id"));
    }

    @Test
    void aMalformedQueryIsATypedErrorWithTheParseMessage() {
        GraphQlRequestException syntax = assertThrows(GraphQlRequestException.class, () -> graphQl.execute("{ transactions(ids: [) { edges } ", null, null));
        assertTrue(syntax.getMessage().contains("Invalid syntax"), syntax.getMessage());
        GraphQlRequestException unknownField = assertThrows(GraphQlRequestException.class,
                () -> graphQl.execute("{ transactions { edges { node { colour } } } }", null, null));
        assertTrue(unknownField.getMessage().contains("colour"), unknownField.getMessage());
        assertThrows(GraphQlRequestException.class, () -> graphQl.execute("query($ids: [ID!]!) { transactions(ids: $ids) { edges { cursor } } }", Map.of(), null));
    }

    @Test
    void manyAliasedStoreQueriesAreRefusedBeforeAnyRuns() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            query.append(" a").append(i).append(": transactions(first: 100) { edges { node { id } } }");
        }
        GraphQlRequestException refused = assertThrows(GraphQlRequestException.class,
                () -> graphQl.execute(query.append(" }").toString(), null, null));
        assertTrue(refused.getMessage().contains("complexity"), refused.getMessage());
    }

    @Test
    void aBadCursorIsAFieldError() throws Exception {
        Map<String, Object> result = graphQl.execute("{ transactions(after: \"bogus\") { edges { cursor } } }", null, null);
        List<?> errors = (List<?>) result.get("errors");
        assertFalse(errors.isEmpty());
        assertTrue(((Map<?, ?>) errors.getFirst()).get("message").toString().contains("bogus"));
    }

    // ---- helpers

    private static Path schedulerUtils() {
        return Compat.compatDir().resolve("node_modules/@permaweb/ao-scheduler-utils/dist/index.js");
    }

    /** The text of {@code const NAME = `...`} in a bundled JS file: the query exactly as the client sends it. */
    static String templateLiteral(Path jsFile, String constant) throws IOException {
        String source = Files.readString(jsFile);
        String marker = "const " + constant + " = `";
        int start = source.indexOf(marker);
        if (start < 0) {
            throw new AssertionError(constant + " not found in " + jsFile);
        }
        start += marker.length();
        return source.substring(start, source.indexOf('`', start));
    }

    private static Map<?, ?> transactions(Map<String, Object> result) {
        assertNull(result.get("errors"), () -> "errors: " + result.get("errors"));
        return (Map<?, ?>) ((Map<?, ?>) result.get("data")).get("transactions");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edges(Map<String, Object> result) {
        return (List<Map<String, Object>>) transactions(result).get("edges");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstNode(Map<String, Object> result) {
        return (Map<String, Object>) edges(result).getFirst().get("node");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tags(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.get("tags");
    }
}
