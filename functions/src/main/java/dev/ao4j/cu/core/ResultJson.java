package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A result in the shape AO's CU serves it, so clients that read {@code result.Messages.length} work the same.
 * {@code /result} and dry-runs: {@code Messages, Assignments, Spawns} ({@code []} when the module gave none),
 * {@code Output} ({@code ""} when none; a number becomes its string), then {@code GasUsed} and {@code Error} when
 * present (permaweb/ao {@code servers/cu/src/effects/worker/evaluate.js}). {@code /results} and {@code /cron} nodes
 * leave out {@code GasUsed} ({@code servers/cu/src/domain/lib/gatherResults.js}).
 */
public final class ResultJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResultJson() {}

    /** The module's raw result (the loader's fields; {@code Memory} is dropped) as AO's CU returns it. */
    public static ObjectNode of(JsonNode raw) {
        ObjectNode out = outbox(raw);
        JsonNode output = raw.get("Output");
        if (output == null || output.isNull()) {
            out.put("Output", "");
        } else {
            out.set("Output", output.isNumber() ? JSON.textNode(output.asText()) : output);
        }
        copy(raw, out, "GasUsed");
        copy(raw, out, "Error");
        return out;
    }

    /** A node of a results page: the result without {@code GasUsed}. */
    public static ObjectNode pageNode(JsonNode result) {
        ObjectNode out = outbox(result);
        copy(result, out, "Output");
        copy(result, out, "Error");
        return out;
    }

    private static ObjectNode outbox(JsonNode raw) {
        ObjectNode out = JSON.objectNode();
        for (String list : new String[] {"Messages", "Assignments", "Spawns"}) {
            JsonNode value = raw.get(list);
            out.set(list, value == null || value.isNull() ? JSON.arrayNode() : value);
        }
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value);
        }
    }
}
