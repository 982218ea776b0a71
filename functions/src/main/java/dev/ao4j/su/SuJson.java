package dev.ao4j.su;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.TagCodec;
import dev.ao4j.arweave.ans104.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SU's JSON shapes (snake_case, as AO's scheduler writes them): Message {message, assignment},
 * Process, and the paginated log. Rendered from the stored item bytes, so what a CU reads is exactly what
 * was signed.
 */
public final class SuJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SuJson() {}

    /** {@code {message:{…}|null, assignment:{…}}} */
    public static ObjectNode message(Slot slot) {
        ObjectNode node = JSON.objectNode();
        if (slot.message() == null) {
            node.putNull("message");
        } else {
            DataItem message = parse(slot.message());
            ObjectNode inner = node.putObject("message");
            inner.put("id", message.id());
            inner.set("owner", owner(message));
            inner.put("data", new String(message.data(), StandardCharsets.UTF_8));
            inner.set("tags", tags(message.tags()));
            inner.put("signature", Base64Url.encode(message.signature()));
            putAnchor(inner, message);
            inner.put("target", message.target().orElse(""));
        }
        DataItem assignment = parse(slot.assignment());
        ObjectNode inner = node.putObject("assignment");
        inner.put("id", assignment.id());
        inner.set("owner", owner(assignment));
        inner.set("tags", tags(assignment.tags()));
        inner.put("signature", Base64Url.encode(assignment.signature()));
        putAnchor(inner, assignment);
        inner.put("target", assignment.target().orElse(""));
        return node;
    }

    /** The process record: {@code {process_id, block, owner, tags, timestamp, data, anchor, signature, target}}. */
    public static ObjectNode process(Slot processSlot) {
        DataItem process = parse(processSlot.message());
        ObjectNode node = JSON.objectNode();
        node.put("process_id", process.id());
        node.put("block", AssignmentSigner.blockHeightTag(processSlot.blockHeight()));
        node.set("owner", owner(process));
        node.set("tags", tags(process.tags()));
        node.put("timestamp", processSlot.timestamp());
        String data = TagCodec.strictUtf8(process.data());
        if (data == null) {
            node.putNull("data");
        } else {
            node.put("data", data);
        }
        putAnchor(node, process);
        node.put("signature", Base64Url.encode(process.signature()));
        if (process.target().isPresent()) {
            node.put("target", process.target().get());
        } else {
            node.putNull("target");
        }
        return node;
    }

    /** {@code {page_info:{has_next_page}, edges:[{node:<Message>, cursor:"<timestamp>"}]}} */
    public static ObjectNode page(List<Slot> slots, boolean hasNextPage) {
        ObjectNode node = JSON.objectNode();
        node.putObject("page_info").put("has_next_page", hasNextPage);
        ArrayNode edges = node.putArray("edges");
        for (Slot slot : slots) {
            ObjectNode edge = edges.addObject();
            edge.set("node", message(slot));
            edge.put("cursor", Long.toString(slot.timestamp()));
        }
        return node;
    }

    public static ArrayNode tags(List<Tag> tags) {
        ArrayNode array = JSON.arrayNode();
        for (Tag tag : tags) {
            array.addObject().put("name", tag.name()).put("value", tag.value());
        }
        return array;
    }

    /** The SU names every signer by b64url(SHA-256(owner)), whatever the key type. */
    private static JsonNode owner(DataItem item) {
        return JSON.objectNode()
                .put("address", Base64Url.encode(Hashes.sha256(item.owner())))
                .put("key", Base64Url.encode(item.owner()));
    }

    /** Anchors are shown as UTF-8 text; an absent or non-text anchor is null. */
    private static void putAnchor(ObjectNode node, DataItem item) {
        String anchor = item.anchorBytes().map(TagCodec::strictUtf8).filter(text -> !text.isEmpty()).orElse(null);
        if (anchor == null) {
            node.putNull("anchor");
        } else {
            node.put("anchor", anchor);
        }
    }

    private static DataItem parse(byte[] raw) {
        try {
            return DataItem.parse(raw);
        } catch (Ans104Exception e) {
            throw new IllegalStateException("the SU log holds an unreadable item: " + e.getMessage(), e);
        }
    }
}
