package dev.ao4j.cu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.port.SuClient;
import dev.ao4j.protocol.HashChain;
import dev.ao4j.protocol.TagJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An SU log held in memory, rendered in AO's SU JSON with real hash chains (assignment ids are random 32-byte
 * values; signatures are checked by the test's ItemCrypto). For unit tests of the evaluation pipeline.
 */
final class FakeSu implements SuClient {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final String processId = randomId();
    final String owner = randomId();
    final List<ObjectNode> edges = new ArrayList<>();
    final List<Tag> processTags;
    long clock;
    long blockHeight;
    private String lastAssignment;
    private String lastChain;

    FakeSu(long timestamp, long height, List<Tag> extraProcessTags) {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", "M".repeat(43)), new Tag("Scheduler", "S".repeat(43))));
        tags.addAll(extraProcessTags);
        this.processTags = List.copyOf(tags);
        this.clock = timestamp;
        this.blockHeight = height;
        append(processId, owner, processTags, "boot", null);
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    /** Schedules a message at the current clock/height (the clock then moves on by a millisecond). */
    String send(List<Tag> tags, String data) {
        return append(randomId(), owner, tags, data, null);
    }

    String sendAs(String signer, List<Tag> tags, String data) {
        return append(randomId(), signer, tags, data, null);
    }

    /** Schedules a message id whose body the SU does not carry (an assignment of an existing transaction). */
    String assign(String messageId) {
        return append(null, null, null, null, messageId);
    }

    private String append(String id, String signer, List<Tag> tags, String data, String assigned) {
        long nonce = edges.size();
        String chain = nonce == 0 ? HashChain.first(processId) : HashChain.next(lastAssignment, lastChain);
        String assignmentId = randomId();
        ObjectNode node = JSON.objectNode();
        if (id == null) {
            node.putNull("message");
        } else {
            ObjectNode message = node.putObject("message");
            message.put("id", id);
            message.putObject("owner").put("address", signer).put("key", Base64Url.encode(new byte[512]));
            message.put("data", data);
            message.set("tags", TagJson.toJson(tags));
            message.put("signature", "sig-" + id);
            message.putNull("anchor");
            message.put("target", nonce == 0 ? "" : processId);
        }
        ObjectNode assignment = node.putObject("assignment");
        assignment.put("id", assignmentId);
        assignment.putObject("owner").put("address", "S".repeat(43)).put("key", "");
        List<Tag> assignmentTags = new ArrayList<>(List.of(new Tag("Process", processId), new Tag("Epoch", "0"),
                new Tag("Nonce", Long.toString(nonce)), new Tag("Hash-Chain", chain),
                new Tag("Block-Height", String.format("%012d", blockHeight)), new Tag("Timestamp", Long.toString(clock)),
                new Tag("Data-Protocol", "ao"), new Tag("Type", "Assignment"), new Tag("Variant", "ao.TN.1")));
        if (nonce > 0) {
            assignmentTags.add(new Tag("Message", id != null ? id : assigned));
        }
        assignment.set("tags", TagJson.toJson(assignmentTags));
        assignment.put("signature", "ok");
        assignment.putNull("anchor");
        assignment.put("target", "");
        ObjectNode edge = JSON.objectNode();
        edge.set("node", node);
        edge.put("cursor", Long.toString(clock));
        edges.add(edge);
        lastAssignment = assignmentId;
        lastChain = chain;
        clock++;
        return id != null ? id : assigned;
    }

    @Override
    public Optional<JsonNode> process(String id) {
        if (!id.equals(processId)) {
            return Optional.empty();
        }
        ObjectNode node = JSON.objectNode();
        node.put("process_id", processId);
        node.put("block", String.format("%012d", blockOf(0)));
        node.putObject("owner").put("address", owner).put("key", Base64Url.encode(new byte[512]));
        node.set("tags", TagJson.toJson(processTags));
        node.put("timestamp", timestampOf(0));
        node.put("data", "boot");
        node.putNull("anchor");
        node.put("signature", "sig");
        node.putNull("target");
        return Optional.of(node);
    }

    @Override
    public Optional<JsonNode> message(String pid, String messageId) {
        for (ObjectNode edge : edges) {
            JsonNode node = edge.get("node");
            String id = node.path("message").path("id").asText(null);
            String assigned = TagJson.first(TagJson.fromJson(node.path("assignment").get("tags"), "t"), "Message").orElse(null);
            if (messageId.equals(id) || messageId.equals(assigned)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    @Override
    public JsonNode page(String pid, Long from, Long to, int limit) {
        ArrayNode out = JSON.arrayNode();
        boolean more = false;
        for (ObjectNode edge : edges) {
            long ts = Long.parseLong(edge.get("cursor").asText());
            if ((from == null || ts > from) && (to == null || ts <= to)) {
                if (out.size() == limit) {
                    more = true;
                    break;
                }
                out.add(edge);
            }
        }
        ObjectNode page = JSON.objectNode();
        page.putObject("page_info").put("has_next_page", more);
        page.set("edges", out);
        return page;
    }

    @Override
    public JsonNode timestamp(String pid) {
        return JSON.objectNode().put("timestamp", Long.toString(clock)).put("block_height", String.format("%012d", blockHeight));
    }

    long timestampOf(int nonce) {
        return Long.parseLong(edges.get(nonce).get("cursor").asText());
    }

    long blockOf(int nonce) {
        return Long.parseLong(TagJson.first(TagJson.fromJson(edges.get(nonce).path("node").path("assignment").get("tags"), "t"),
                "Block-Height").orElseThrow());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String sha(String s) throws Exception {
        return Base64Url.encode(Hashes.sha256(utf8(s)));
    }
}
