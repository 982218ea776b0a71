package dev.ao4j.mu.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The parts of a CU result the MU delivers: {@code Messages}, {@code Spawns} and {@code Assignments}. */
public record Outbox(List<Message> messages, List<Spawn> spawns, List<Assignment> assignments) {
    /** An outbox message; {@code data} is UTF-8 text as the process wrote it. */
    public record Message(String target, String anchor, List<Tag> tags, String data) {}

    public record Spawn(String anchor, List<Tag> tags, String data) {}

    public record Assignment(List<String> processes, String message, boolean baseLayer, List<String> exclude) {}

    public boolean isEmpty() {
        return messages.isEmpty() && spawns.isEmpty() && assignments.isEmpty();
    }

    /**
     * Reads the outbox of a result. Tag values that are numbers or booleans are delivered as their text (AO's
     * MU silently drops such a message, #860); a message without a 43-character target is skipped.
     */
    public static Outbox of(JsonNode result) {
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : array(result, "Messages")) {
            String target = text(m.get("Target"));
            if (target != null && Base64Url.isId(target)) {
                messages.add(new Message(target, text(m.get("Anchor")), tags(m.get("Tags")), data(m.get("Data"))));
            }
        }
        List<Spawn> spawns = new ArrayList<>();
        for (JsonNode s : array(result, "Spawns")) {
            spawns.add(new Spawn(text(s.get("Anchor")), tags(s.get("Tags")), data(s.get("Data"))));
        }
        List<Assignment> assignments = new ArrayList<>();
        for (JsonNode a : array(result, "Assignments")) {
            String message = text(a.get("Message"));
            if (message == null) {
                continue;
            }
            List<String> processes = new ArrayList<>();
            array(a, "Processes").forEach(p -> processes.add(p.asText()));
            List<String> exclude = new ArrayList<>();
            array(a, "Exclude").forEach(e -> exclude.add(e.asText()));
            assignments.add(new Assignment(processes, message, a.path("BaseLayer").asBoolean(false), exclude));
        }
        return new Outbox(messages, spawns, assignments);
    }

    /**
     * An anchor as ANS-104 needs it: 32 bytes. aos writes 32-digit counters, used as they are; a shorter one is
     * left-padded with zeros and a longer one replaced by the start of its hash, so equal inputs stay equal.
     */
    public static byte[] anchorBytes(String anchor) {
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        byte[] bytes = anchor.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 32) {
            return bytes;
        }
        if (bytes.length < 32) {
            return ("0".repeat(32 - bytes.length) + anchor).getBytes(StandardCharsets.UTF_8);
        }
        return Base64Url.encode(Hashes.sha256(bytes)).substring(0, 32).getBytes(StandardCharsets.US_ASCII);
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static String data(JsonNode node) {
        String text = text(node);
        return text == null ? "" : text;
    }

    private static List<Tag> tags(JsonNode node) {
        List<Tag> tags = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return tags;
        }
        for (JsonNode tag : node) {
            String name = text(tag.get("name"));
            String value = text(tag.get("value"));
            if (name != null && !name.isEmpty() && value != null) {
                tags.add(new Tag(name, value));
            }
        }
        return tags;
    }
}
