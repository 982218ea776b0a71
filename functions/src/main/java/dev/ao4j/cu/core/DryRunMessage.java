package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.protocol.SuWire;
import dev.ao4j.protocol.TagJson;
import java.util.List;

/**
 * The msg of a dry-run, from aoconnect's body {@code {Id, Target, Owner, Anchor, Data, Tags}} (optionally
 * {@code Timestamp}, {@code Block-Height}): From / Forwarded-By as for a scheduled message, no nonce or hash
 * chain, the time and block of the state it runs on unless given, and {@code Read-Only: true}.
 */
public final class DryRunMessage {
    private DryRunMessage() {}

    public static ObjectNode of(JsonNode body, Position state) {
        List<Tag> tags = TagJson.fromJson(body.get("Tags"), "dry-run message");
        String owner = text(body, "Owner", "1234");
        String fromProcess = TagJson.first(tags, "From-Process").filter(v -> !v.isEmpty()).orElse(null);
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        msg.put("Id", text(body, "Id", "1234"));
        msg.put("Data", body.hasNonNull("Data") ? body.get("Data").asText() : "1234");
        msg.put("Owner", owner);
        msg.put("Target", text(body, "Target", ""));
        if (body.hasNonNull("Anchor")) {
            msg.put("Anchor", body.get("Anchor").asText());
        }
        msg.put("From", fromProcess != null ? fromProcess : owner);
        if (TagJson.first(tags, "From-Process").isPresent()) {
            msg.put("Forwarded-By", owner);
        }
        msg.set("Tags", TagJson.toJson(tags.stream()
                .filter(tag -> !tag.name().equals("From") && !tag.name().equals("Owner")).toList()));
        msg.put("Timestamp", number(body, "Timestamp", Math.max(state.timestamp(), 0)));
        msg.put("Block-Height", number(body, "Block-Height", Math.max(state.blockHeight(), 0)));
        msg.put("Cron", false);
        msg.put("Read-Only", true);
        return msg;
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            throw CuException.invalid("dry-run message: " + field + " must be a string");
        }
        return value.asText();
    }

    private static long number(JsonNode body, String field, long fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        return SuWire.parseLong(value.asText(), field, "dry-run message");
    }
}
