package dev.ao4j.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.ans104.TagCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SU's JSON shapes (snake_case, as AO's scheduler writes them; AO-PROTOCOL §3): Message {message, assignment},
 * Process, the paginated log and the clock. One owner for both directions: the SU writes them from the stored
 * item bytes (so what a CU reads is exactly what was signed), and a CU reads them back into values. Anything
 * missing or malformed on the way in is a {@link ProtocolException} (422) naming the field, never an unchecked
 * parsing error.
 */
public final class SuWire {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SuWire() {}

    /** What the writer needs of one place in a process's log (the SU's log entry implements it). */
    public interface LogEntry {
        /** The ordered message's bytes, or null when an existing transaction was assigned. */
        byte[] message();

        /** The SU-signed assignment's bytes. */
        byte[] assignment();

        long timestamp();

        long blockHeight();
    }

    // ---- writing (the SU) ----

    /** {@code {message:{…}|null, assignment:{…}}} */
    public static ObjectNode message(LogEntry slot) {
        ObjectNode node = JSON.objectNode();
        if (slot.message() == null) {
            node.putNull("message");
        } else {
            DataItem message = parse(slot.message());
            ObjectNode inner = node.putObject("message");
            inner.put("id", message.id());
            inner.set("owner", owner(message));
            inner.put("data", new String(message.data(), StandardCharsets.UTF_8));
            inner.set("tags", TagJson.toJson(message.tags()));
            inner.put("signature", Base64Url.encode(message.signature()));
            putAnchor(inner, message);
            inner.put("target", message.target().orElse(""));
        }
        DataItem assignment = parse(slot.assignment());
        ObjectNode inner = node.putObject("assignment");
        inner.put("id", assignment.id());
        inner.set("owner", owner(assignment));
        inner.set("tags", TagJson.toJson(assignment.tags()));
        inner.put("signature", Base64Url.encode(assignment.signature()));
        putAnchor(inner, assignment);
        inner.put("target", assignment.target().orElse(""));
        return node;
    }

    /** The process record: {@code {process_id, block, owner, tags, timestamp, data, anchor, signature, target}}. */
    public static ObjectNode process(LogEntry processSlot) {
        DataItem process = parse(processSlot.message());
        ObjectNode node = JSON.objectNode();
        node.put("process_id", process.id());
        node.put("block", SlotTags.blockHeightTag(processSlot.blockHeight()));
        node.set("owner", owner(process));
        node.set("tags", TagJson.toJson(process.tags()));
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
    public static ObjectNode page(List<? extends LogEntry> slots, boolean hasNextPage) {
        ObjectNode node = JSON.objectNode();
        node.putObject("page_info").put("has_next_page", hasNextPage);
        ArrayNode edges = node.putArray("edges");
        for (LogEntry slot : slots) {
            ObjectNode edge = edges.addObject();
            edge.set("node", message(slot));
            edge.put("cursor", Long.toString(slot.timestamp()));
        }
        return node;
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

    // ---- reading (a CU) ----

    /** The Process shape {@code {process_id, block, owner, tags, timestamp, data, anchor, signature}}. */
    public static ProcessMeta process(JsonNode node) {
        String id = text(node, "process_id", "process");
        JsonNode owner = object(node, "owner", "process " + id);
        List<Tag> tags = TagJson.fromJson(node.get("tags"), "process " + id);
        return new ProcessMeta(id, OwnerAddress.of(text(owner, "address", "process owner"), optionalText(owner, "key")),
                tags, number(node, "timestamp", "process " + id), number(node, "block", "process " + id),
                optionalText(node, "signature"), nonEmpty(optionalText(node, "anchor")), optionalText(node, "data"));
    }

    /** The assignment tags of a Message shape: where the message sits in the log. */
    public static SlotTags slot(JsonNode messageNode, String where) {
        JsonNode assignment = object(messageNode, "assignment", where);
        List<Tag> tags = TagJson.fromJson(assignment.get("tags"), where + " assignment");
        return SlotTags.of(tags, where);
    }

    /** The current time and block of the SU's {@code /timestamp}. */
    public static SuClock clock(JsonNode node) {
        return new SuClock(number(node, "timestamp", "SU timestamp"), number(node, "block_height", "SU timestamp"));
    }

    public record SuClock(long timestamp, long blockHeight) {}

    public static String text(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            throw ProtocolException.unprocessable(where + ": field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    public static JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isObject()) {
            throw ProtocolException.unprocessable(where + ": field '" + field + "' is missing or not an object");
        }
        return value;
    }

    /** A number sent as a JSON number or a decimal string (the SU pads block heights). */
    public static long number(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.canConvertToLong() && value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value != null && value.isTextual()) {
            return parseLong(value.asText(), field, where);
        }
        throw ProtocolException.unprocessable(where + ": field '" + field + "' is missing or not a number");
    }

    public static long parseLong(String text, String field, String where) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ProtocolException.unprocessable(where + ": '" + field + "' is not a number: '" + text + "'");
        }
    }

    public static String nonEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
