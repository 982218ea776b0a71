package dev.ao4j.wasm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result of one message, in the JSON shape of the AO CU's result ({@code Output, Messages, Spawns,
 * Assignments, Error, GasUsed}; absent keys are null and left out of the JSON). {@code error} set means the
 * evaluation failed and the process memory was left as it was before the message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Output", "Messages", "Spawns", "Assignments", "Error", "GasUsed"})
public record HandleResult(
        @JsonProperty("Output") JsonNode output,
        @JsonProperty("Messages") JsonNode messages,
        @JsonProperty("Spawns") JsonNode spawns,
        @JsonProperty("Assignments") JsonNode assignments,
        @JsonProperty("Error") JsonNode error,
        @JsonProperty("GasUsed") Long gasUsed) {

    /** A failed evaluation with only an Error, as the CU reports a trap or a limit. */
    public static HandleResult failure(String error) {
        return new HandleResult(null, null, null, null, JsonNodeFactory.instance.textNode(error), null);
    }

    /** True when the evaluation failed (the memory was left as it was). */
    public boolean failed() {
        return error != null && !error.isNull();
    }

    /** This result as a JSON object (null fields left out). */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        putIfPresent(out, "Output", output);
        putIfPresent(out, "Messages", messages);
        putIfPresent(out, "Spawns", spawns);
        putIfPresent(out, "Assignments", assignments);
        putIfPresent(out, "Error", error);
        if (gasUsed != null) {
            out.put("GasUsed", gasUsed);
        }
        return out;
    }

    private static void putIfPresent(ObjectNode out, String name, JsonNode value) {
        if (value != null) {
            out.set(name, value);
        }
    }
}
