package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.mu.MuClient;
import dev.ao4j.testing.Compat;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call AO's reference CU (permaweb/ao {@code servers/cu}, with {@code @permaweb/ao-scheduler-utils}) makes to
 * an SU and a gateway to compute a process, made here exactly as it makes them: the same GraphQL documents
 * (comments, {@code @skip} directives and comma-less lists included), the same paths and query parameters, and the
 * fields it reads checked with the types it parses them into. The calls are listed in
 * ../shared/notes/REFERENCE-CU-FACTS.md; the source file of each is named at its test. The process is an aos
 * process spawned through the node's MU, with Evals and an assignment of an item already in the permanent store.
 * The node runs on a port known before it starts, so its SU's Scheduler-Location names the URL it answers on.
 */
@QuarkusTest
@TestProfile(NodeOnKnownPortProfile.class)
class ReferenceCuContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** AO's CU checks the SU's hash chain only for processes at or above this height (servers/cu/src/effects/ao-su.js). */
    private static final long HASH_CHAIN_HEIGHT = 1_440_000;

    /** One process for every test of the class: spawned, two Evals, and an assignment. */
    private record World(NodeUrls urls, String process, String module, List<String> evals, String assigned) {}

    private static World world;

    @Inject
    NodeWiring node;

    @BeforeEach
    void spawnOnce() throws Exception {
        if (world != null) {
            return;
        }
        NodeUrls urls = node.announce();
        MuClient user = new MuClient(urls.gateway());
        String module = urls.modules().get(ModuleCatalog.DEFAULT_MODULE);
        String process = user.spawn(module);
        List<String> evals = List.of(user.eval(process, "Counter = 1"), user.eval(process, "Counter = Counter + 1"));
        // An item already in the permanent store, assigned: the SU's log holds no message for it.
        DataItem onChain = user.message(process, "assigned data", new Tag("Action", "Note"));
        assertEquals(200, user.post("/tx", onChain.raw()).status());
        MuClient.Answer assign = user.post("/mu?process-id=" + process + "&assign=" + onChain.id(), null);
        assertEquals(202, assign.status(), assign.toString());
        MuClient.await("the process, two Evals and the assignment in the SU log", Duration.ofMinutes(2),
                () -> user.log(process).size() == 4);
        world = new World(urls, process, module, evals, onChain.id());
    }

    // ---- @permaweb/ao-scheduler-utils: where the process's SU is (src/client/gateway.js) ----

    @Test
    void getTransactionsFindsTheProcessAndItsSchedulerTag() throws Exception {
        JsonNode answer = graphql("""
                query GetTransactions ($transactionIds: [ID!]!) {
                  transactions(
                    ids: $transactionIds
                    tags: [
                      { name: "Data-Protocol", values: ["ao"] }
                    ]
                  ) {
                    edges { node { tags { name value } } }
                  }
                }""", Map.of("transactionIds", List.of(world.process)));
        JsonNode node = answer.at("/data/transactions/edges/0/node");
        assertEquals(world.urls.scheduler(), tag(node.get("tags"), "Scheduler"));
    }

    @Test
    void getSchedulerLocationFindsTheSuUrlAndItsTimeToLive() throws Exception {
        JsonNode answer = graphql("""
                query GetSchedulerLocation ($owner: String!) {
                  transactions (
                    owners: [$owner]
                    tags: [
                      { name: "Data-Protocol", values: ["ao"] },
                      { name: "Type", values: ["Scheduler-Location"] }
                    ]
                    # Only the most recent Scheduler-Location
                    sort: HEIGHT_DESC
                    first: 1
                  ) {
                    edges { node { tags { name value } } }
                  }
                }""", Map.of("owner", world.urls.scheduler()));
        JsonNode edges = answer.at("/data/transactions/edges");
        assertEquals(1, edges.size(), answer.toString());
        JsonNode tags = edges.get(0).at("/node/tags");
        assertEquals(world.urls.su(), tag(tags, "Url"));
        assertTrue(Long.parseLong(tag(tags, "Time-To-Live")) > 0);
    }

    @Test
    void theSuRootAskedForTheProcessDoesNotRedirectElsewhere() throws Exception {
        // src/bootstrap.js follows a 30x here by replacing the SU URL with the Location's origin.
        HttpResponse<String> response = send(world.urls.su() + "?process-id=" + world.process);
        assertFalse(response.statusCode() >= 300 && response.statusCode() < 400
                && !response.headers().firstValue("Location").orElse("").startsWith(world.urls.gateway()),
                "a redirect away from the node: " + response.headers().map());
    }

    // ---- servers/cu/src/effects/ao-su.js ----

    @Test
    void processMetaHasTheFieldsLoadProcessReadsAndARealisticHeight() throws Exception {
        JsonNode meta = json(world.urls.su() + "/processes/" + world.process);
        JsonNode owner = meta.get("owner");
        assertEquals(Base64Url.encode(Hashes.sha256(Base64Url.decode(owner.get("key").asText()))),
                owner.get("address").asText(), "the address derives from the key");
        assertEquals("ao", tag(meta.get("tags"), "Data-Protocol"));
        assertEquals("Process", tag(meta.get("tags"), "Type"));
        assertEquals(world.module, tag(meta.get("tags"), "Module"));
        long height = parseInt(meta.get("block"));
        assertTrue(height >= HASH_CHAIN_HEIGHT, "AO's CU validates the hash chain of this process: block " + height);
        assertTrue(meta.get("timestamp").isIntegralNumber() && meta.get("timestamp").asLong() > 1_600_000_000_000L,
                "milliseconds: " + meta.get("timestamp"));
        assertTrue(meta.get("signature").isTextual());
        assertEquals("ao4j", meta.get("data").asText());
        assertTrue(meta.has("anchor"));
    }

    @Test
    void pagesOfTheLogCarryEveryAssignmentTagAndAHashChainTheReferenceAccepts() throws Exception {
        // src/effects/ao-su.js loadMessagesWith: limit is its page size (1000 by default), `from` the last cursor.
        List<JsonNode> edges = new ArrayList<>();
        String from = null;
        for (int pages = 0; pages < 10; pages++) {
            JsonNode page = json(world.urls.su() + "/" + world.process + "?process-id=" + world.process
                    + (from == null ? "" : "&from=" + from) + "&limit=" + (pages == 0 ? 1000 : 1));
            page.get("edges").forEach(edges::add);
            if (!page.at("/page_info/has_next_page").asBoolean()) {
                break;
            }
            from = page.get("edges").get(page.get("edges").size() - 1).get("cursor").asText();
        }
        assertEquals(4, edges.size());
        String previousAssignment = null;
        String previousChain = null;
        for (int nonce = 0; nonce < edges.size(); nonce++) {
            JsonNode node = edges.get(nonce).get("node");
            JsonNode assignment = node.get("assignment");
            JsonNode tags = assignment.get("tags");
            assertEquals(world.process, tag(tags, "Process"));
            assertEquals(nonce, Integer.parseInt(tag(tags, "Nonce")));
            assertEquals(0, Integer.parseInt(tag(tags, "Epoch")));
            assertTrue(Long.parseLong(tag(tags, "Timestamp")) > 1_600_000_000_000L);
            assertTrue(Long.parseLong(tag(tags, "Block-Height")) >= HASH_CHAIN_HEIGHT);
            // AO's SU gives the process's own assignment no Message tag (servers/su/src/domain/core/flows.rs).
            assertEquals(nonce == 0 ? null : node.at("/message/id").asText(world.assigned), optionalTag(tags, "Message"));
            String chain = tag(tags, "Hash-Chain");
            // src/effects/worker/hashChain/main.js: b64url(SHA-256(previous assignment id ‖ previous hash chain)).
            if (previousAssignment != null) {
                assertEquals(Base64Url.encode(Hashes.sha256(Base64Url.decode(previousAssignment), Base64Url.decode(previousChain))),
                        chain, "slot " + nonce + "'s hash chain");
            } else {
                assertFalse(chain.isEmpty(), "the first slot only needs a hash chain");
            }
            previousAssignment = assignment.get("id").asText();
            previousChain = chain;
            JsonNode message = node.get("message");
            if (nonce == 3) {
                assertTrue(message.isNull(), "an assigned item is hydrated from the gateway");
                assertEquals(world.assigned, tag(tags, "Message"));
            } else {
                assertEquals(nonce == 0 ? world.process : tag(tags, "Message"), message.get("id").asText());
                for (String field : List.of("id", "signature", "data")) {
                    assertTrue(message.get(field).isTextual(), field + " of " + message);
                }
                assertTrue(message.has("anchor") && message.get("tags").isArray());
                assertTrue(message.at("/owner/key").isTextual() && message.at("/owner/address").isTextual());
            }
        }
        // `to` bounds a range by timestamp, inclusive, as the reference asks when it evaluates up to a message.
        String firstCursor = edges.get(1).get("cursor").asText();
        String lastCursor = edges.get(2).get("cursor").asText();
        JsonNode bounded = json(world.urls.su() + "/" + world.process + "?process-id=" + world.process
                + "&from=" + edges.get(0).get("cursor").asText() + "&to=" + lastCursor + "&limit=1000");
        List<String> cursors = new ArrayList<>();
        bounded.get("edges").forEach(edge -> cursors.add(edge.get("cursor").asText()));
        assertEquals(List.of(firstCursor, lastCursor), cursors);
    }

    @Test
    void messageMetaAndLatestCarryProcessTimestampAndNonceInTheAssignment() throws Exception {
        // loadMessageMetaWith and loadProcessLatestWith read assignment.tags Process, Timestamp and Nonce.
        JsonNode meta = json(world.urls.su() + "/" + world.evals.get(1) + "?process-id=" + world.process);
        assertEquals(world.process, tag(meta.at("/assignment/tags"), "Process"));
        assertEquals(2, Integer.parseInt(tag(meta.at("/assignment/tags"), "Nonce")));
        assertTrue(Long.parseLong(tag(meta.at("/assignment/tags"), "Timestamp")) > 1_600_000_000_000L);

        JsonNode latest = json(world.urls.su() + "/" + world.process + "/latest");
        assertEquals(world.process, tag(latest.at("/assignment/tags"), "Process"));
        assertEquals(3, Integer.parseInt(tag(latest.at("/assignment/tags"), "Nonce")));
    }

    @Test
    void theTimestampGivesTheClockAndAHeightAtOrAboveTheProcesses() throws Exception {
        // loadTimestampWith: parseInt(timestamp), parseInt(block_height).
        JsonNode clock = json(world.urls.su() + "/timestamp?process-id=" + world.process);
        long processHeight = parseInt(json(world.urls.su() + "/processes/" + world.process).get("block"));
        assertTrue(parseInt(clock.get("timestamp")) > 1_600_000_000_000L);
        assertTrue(parseInt(clock.get("block_height")) >= processHeight);
    }

    // ---- servers/cu/src/effects: the gateway ----

    @Test
    void checkpointsOfTheProcessAreQueriedWithoutError() throws Exception {
        // ao-process.js GetAoProcessCheckpoints: tag objects without commas between them, variables inside lists.
        JsonNode cu = json(world.urls.cu());
        JsonNode answer = graphql("""
                query GetAoProcessCheckpoints(
                  $owners: [String!]!
                  $processId: String!
                  $limit: Int!
                ) {
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
                }""", Map.of("owners", List.of(cu.get("address").asText()), "processId", world.process, "limit", 50));
        assertTrue(answer.at("/data/transactions/edges").isArray(), answer.toString());
    }

    @Test
    void moduleAndAssignedItemMetaComeFromGetProcessesWithItsSkipDirectives() throws Exception {
        // arweave.js loadTransactionMetaWith; hydrateMessages.js uses the same query for assigned items.
        String query = """
                query GetProcesses (
                  $processIds: [ID!]!
                  $skipTags: Boolean!
                  $skipSignature: Boolean!
                  $skipAnchor: Boolean!
                ) {
                  transactions(ids: $processIds) {
                    edges {
                      node {
                        id
                        signature @skip (if: $skipSignature)
                        anchor @skip (if: $skipAnchor)
                        owner { address key }
                        tags @skip (if: $skipTags) { name value }
                        recipient
                      }
                    }
                  }
                }""";
        JsonNode module = graphql(query, Map.of("processIds", List.of(world.module), "skipTags", false,
                "skipSignature", false, "skipAnchor", false)).at("/data/transactions/edges/0/node");
        assertEquals(world.module, module.get("id").asText());
        assertTrue(module.get("signature").isTextual() && module.has("anchor") && module.has("recipient"));
        assertTrue(module.at("/owner/address").isTextual() && module.at("/owner/key").isTextual());
        assertEquals("wasm64-unknown-emscripten-draft_2024_02_15", tag(module.get("tags"), "Module-Format"));
        for (String name : List.of("Input-Encoding", "Output-Encoding", "Memory-Limit", "Compute-Limit")) {
            assertFalse(tag(module.get("tags"), name).isEmpty(), name);
        }

        JsonNode skipped = graphql(query, Map.of("processIds", List.of(world.module), "skipTags", true,
                "skipSignature", true, "skipAnchor", true)).at("/data/transactions/edges/0/node");
        assertFalse(skipped.has("tags") || skipped.has("signature") || skipped.has("anchor"), skipped.toString());
        assertEquals(world.module, skipped.get("id").asText());

        JsonNode assigned = graphql(query, Map.of("processIds", List.of(world.assigned), "skipTags", false,
                "skipSignature", false, "skipAnchor", false)).at("/data/transactions/edges/0/node");
        assertEquals("Note", tag(assigned.get("tags"), "Action"));
        assertEquals(world.process, assigned.get("recipient").asText());
    }

    @Test
    void rawServesTheProcessDataTheModuleBinaryAndAssignedData() throws Exception {
        assertEquals("ao4j", send(world.urls.gateway() + "/raw/" + world.process).body());
        assertEquals("assigned data", send(world.urls.gateway() + "/raw/" + world.assigned).body());
        HttpResponse<byte[]> binary = HTTP.send(HttpRequest.newBuilder(URI.create(world.urls.gateway() + "/raw/" + world.module))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, binary.statusCode());
        assertArrayEquals(Files.readAllBytes(Compat.compatDir().resolve("modules/aos2_0_6.wasm")), binary.body());
    }

    @Test
    void getBlocksPagesAscendingFromAHeightWithTimestampsInSeconds() throws Exception {
        // ao-block.js loadBlocksMetaWith, page size 90 (src/bootstrap.js), for block crons.
        long processHeight = parseInt(json(world.urls.su() + "/processes/" + world.process).get("block"));
        JsonNode blocks = graphql("""
                query GetBlocks($min: Int!, $limit: Int!) {
                  blocks(
                    height: { min: $min },
                    first: $limit,
                    sort: HEIGHT_ASC
                  ) {
                    pageInfo { hasNextPage }
                    edges { node { timestamp height } }
                  }
                }""", Map.of("min", processHeight, "limit", 90)).at("/data/blocks");
        assertTrue(blocks.at("/pageInfo/hasNextPage").isBoolean());
        JsonNode first = blocks.at("/edges/0/node");
        assertEquals(processHeight, first.get("height").asLong());
        assertTrue(first.get("timestamp").asLong() < 10_000_000_000L, "seconds, as Arweave's: " + first);
    }

    @Test
    void theGatewayRootAnswersTheTipHeight() throws Exception {
        // ao-block.js getLatestBlockWith reads `.height` of GET ARWEAVE_URL.
        JsonNode root = json(world.urls.gateway() + "/");
        assertEquals(json(world.urls.gateway() + "/info").get("height"), root.get("height"));
        assertTrue(root.get("height").asLong() >= HASH_CHAIN_HEIGHT);
        assertNotEquals("", root.get("network").asText());
    }

    // ---- helpers ----

    private static JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(world.urls.gateway() + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertFalse(answer.has("errors"), answer.toString());
        return answer;
    }

    private static HttpResponse<String> send(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String url) throws Exception {
        HttpResponse<String> response = send(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** JavaScript's parseInt of a JSON value the reference reads (a number, or a padded decimal string). */
    private static long parseInt(JsonNode value) {
        return value.isNumber() ? value.asLong() : Long.parseLong(value.asText().trim());
    }

    private static String tag(JsonNode tags, String name) {
        String value = optionalTag(tags, name);
        if (value == null) {
            throw new AssertionError("no tag " + name + " in " + tags);
        }
        return value;
    }

    private static String optionalTag(JsonNode tags, String name) {
        for (JsonNode tag : tags) {
            if (tag.get("name").asText().equals(name)) {
                return tag.get("value").asText();
            }
        }
        return null;
    }
}
