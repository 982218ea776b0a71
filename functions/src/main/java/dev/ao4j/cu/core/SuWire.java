package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Tag;
import java.util.List;

/**
 * Reads the SU's JSON shapes (AO-PROTOCOL §3) into the CU's values. Anything missing or malformed is a
 * {@link CuException} naming the field, never an unchecked parsing error.
 */
public final class SuWire {
    private SuWire() {}

    /** The Process shape {@code {process_id, block, owner, tags, timestamp, data, anchor, signature}}. */
    public static ProcessMeta process(JsonNode node) {
        String id = text(node, "process_id", "process");
        JsonNode owner = object(node, "owner", "process " + id);
        List<Tag> tags = AoTags.fromJson(node.get("tags"), "process " + id);
        return new ProcessMeta(id, OwnerAddress.of(text(owner, "address", "process owner"), optionalText(owner, "key")),
                tags, number(node, "timestamp", "process " + id), number(node, "block", "process " + id),
                optionalText(node, "signature"), nonEmpty(optionalText(node, "anchor")), optionalText(node, "data"));
    }

    /** The assignment tags of a Message shape: where the message sits in the log. */
    public static SlotTags slot(JsonNode messageNode, String where) {
        JsonNode assignment = object(messageNode, "assignment", where);
        List<Tag> tags = AoTags.fromJson(assignment.get("tags"), where + " assignment");
        return SlotTags.of(tags, where);
    }

    /** The current time and block of the SU's {@code /timestamp}. */
    public static SuClock clock(JsonNode node) {
        return new SuClock(number(node, "timestamp", "SU timestamp"), number(node, "block_height", "SU timestamp"));
    }

    public record SuClock(long timestamp, long blockHeight) {}

    static String text(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            throw CuException.unprocessable(where + ": field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    static JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isObject()) {
            throw CuException.unprocessable(where + ": field '" + field + "' is missing or not an object");
        }
        return value;
    }

    /** A number sent as a JSON number or a decimal string (the SU pads block heights). */
    static long number(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.canConvertToLong() && value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value != null && value.isTextual()) {
            return parseLong(value.asText(), field, where);
        }
        throw CuException.unprocessable(where + ": field '" + field + "' is missing or not a number");
    }

    static long parseLong(String text, String field, String where) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw CuException.unprocessable(where + ": '" + field + "' is not a number: '" + text + "'");
        }
    }

    static String nonEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
