package dev.ao4j.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One scenario through the reference loader (node, in the background) and through ProcessInstance, compared
 * message by message: the results and the SHA-256 of the whole linear memory after each message.
 */
final class Differential {
    static final String MEMORY_HASH = "Memory-SHA-256";
    /** node's JSON numbers are doubles: 891828771 read back is an int where ao4j holds a long. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

    private Differential() {}

    /** Runs both, asserts every compared field of every message equal, and returns the reference's results. */
    static ArrayNode assertSameAsReference(WasmEngine engine, Path wasm, ModuleFormat format, AosScenario scenario,
                                           String context) throws Exception {
        return assertSameAsReference(engine, wasm, format, scenario, context, Limits.DEFAULT, WeaveDrive.NONE, null);
    }

    /**
     * With the process's WeaveDrive reading {@code drive} in ao4j and the same data from {@code gateway} in the
     * reference (no drive when {@code gateway} is null).
     */
    static ArrayNode assertSameAsReference(WasmEngine engine, Path wasm, ModuleFormat format, AosScenario scenario,
                                           String context, Limits limits, WeaveDrive drive, String gateway)
            throws Exception {
        var reference = ReferenceLoader.start(wasm, format, scenario.env(), scenario.messages(), gateway);
        AoModule module = AoModule.load(engine, Files.readAllBytes(wasm), format);
        List<ObjectNode> actual = new ArrayList<>();
        try (ProcessInstance process = ProcessInstance.start(module, limits, drive, gateway != null)) {
            for (JsonNode msg : scenario.messages()) {
                actual.add(process.handle(msg, scenario.env()).toJson().put(MEMORY_HASH, process.memorySha256()));
            }
        }
        ArrayNode expected = reference.join();
        assertEquals(expected.size(), actual.size());
        List<String> fields = new ArrayList<>(List.of("Output", "Messages", "Spawns", "Assignments", "Error", MEMORY_HASH));
        if (format.metering()) {
            fields.add("GasUsed");
        }
        for (int i = 0; i < actual.size(); i++) {
            int index = i;
            for (String key : fields) {
                JsonNode want = expected.get(i).get(key);
                JsonNode got = actual.get(i).get(key);
                assertTrue(want == null ? got == null : got != null && want.equals(NUMBERS_BY_VALUE, got),
                        () -> "message " + index + " (" + context + ") differs in " + key
                                + "\nmessage data: " + scenario.messages().get(index).path("Data").asText().lines().limit(12).toList()
                                + "\nreference: " + abbreviate(expected.get(index)) + "\nao4j:      " + abbreviate(actual.get(index)));
            }
        }
        return expected;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 1500 ? text : text.substring(0, 1500) + "…";
    }
}
