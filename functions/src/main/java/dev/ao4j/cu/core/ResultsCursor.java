package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.cu.port.ResultStore.Bound;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AO's results cursor: base64 of JSON {@code {timestamp, ordinate, cron, sort}}. A value that is not such a
 * cursor is read as a bare timestamp.
 */
public final class ResultsCursor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsCursor() {}

    public static String encode(long timestamp, long ordinate, String cron, String sort) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", timestamp);
        node.put("ordinate", Long.toString(ordinate));
        node.put("cron", cron); // null is written, as AO's CU's JSON.stringify writes it
        node.put("sort", sort);
        return Base64.getEncoder().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for a null or blank value */
    public static Bound decode(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return new Bound(parse(trimmed, name), null, null);
        }
        try {
            JsonNode node = JSON.readTree(Base64.getDecoder().decode(trimmed));
            if (node != null && node.has("timestamp")) {
                JsonNode ordinate = node.get("ordinate");
                return new Bound(node.get("timestamp").asLong(),
                        ordinate == null || ordinate.isNull() ? null : Long.valueOf(ordinate.asLong()),
                        node.hasNonNull("cron") ? node.get("cron").asText() : null);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // not a cursor: fall through
        }
        throw CuException.invalid(name + " must be a timestamp or a results cursor, not '" + value + "'");
    }

    private static long parse(String digits, String name) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw CuException.invalid(name + " is out of range: " + digits);
        }
    }
}
