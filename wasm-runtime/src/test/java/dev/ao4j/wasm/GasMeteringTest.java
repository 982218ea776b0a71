package dev.ao4j.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.testing.Compat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The metering formats: the real aos builds loaded as {@code *-metering} through @permaweb/ao-loader (which
 * instruments them with its gas metering) and through ao4j give the same results and the same GasUsed, and
 * a message that runs out of gas fails alike and leaves the state as it was.
 */
@Tag("slow")
class GasMeteringTest extends WithWasmEngine {
    private static AosScenario scenario(ModuleFormat format) {
        return new AosScenario(format)
                .spawn()
                .eval("return 1 + 41")
                .eval("Count = 0\n"
                        + "Handlers.add('ping', Handlers.utils.hasMatchingTag('Action', 'Ping'), function(msg)\n"
                        + "  Count = Count + 1\n"
                        + "  msg.reply({ Data = 'pong ' .. Count })\n"
                        + "end)\n"
                        + "return 'ok'")
                .message(AosScenario.USER, "", "Action", "Ping")
                .eval("local s = 0\nfor i = 1, 300000 do s = s + i % 7 end\nreturn s")
                .eval("error('boom')")
                .eval("return Count");
    }

    @ParameterizedTest
    @CsvSource({"aos2_0_4_32.wasm, wasm32-unknown-emscripten-metering",
            "aos2_0_6.wasm, wasm64-unknown-emscripten-draft_2024_10_16-metering"})
    void sameGasAsTheReferenceLoader(String file, String formatTag) throws Exception {
        ModuleFormat format = ModuleFormat.require(formatTag);
        Path wasm = Compat.module(file);
        AosScenario scenario = scenario(format);
        var reference = ReferenceLoader.start(wasm, format, scenario.env(), scenario.messages());
        List<JsonNode> actual = run(format, wasm, scenario, Limits.DEFAULT);
        ArrayNode expected = reference.join();

        assertEquals(gas(expected), gas(actual), "GasUsed of each message: reference, then ao4j");
        for (int i = 0; i < actual.size(); i++) {
            for (String key : List.of("Output", "Messages", "Spawns", "Assignments", "Error")) {
                assertEquals(expected.get(i).get(key), actual.get(i).get(key), "message " + i + " field " + key
                        + "\nreference: " + expected.get(i) + "\nao4j:      " + actual.get(i));
            }
        }
        // Not vacuous: the messages cost gas, and a bigger loop costs more.
        assertTrue(expected.get(1).get("GasUsed").asLong() > 0, "an Eval uses gas");
        assertTrue(expected.get(4).get("GasUsed").asLong() > 10 * expected.get(1).get("GasUsed").asLong(),
                "a 300,000-step loop costs more than 1 + 41");
    }

    @Test
    void runningOutOfGasFailsTheMessageAndKeepsTheState() throws Exception {
        ModuleFormat format = ModuleFormat.require("wasm32-unknown-emscripten-metering");
        Path wasm = Compat.module("aos2_0_4_32.wasm");
        AosScenario scenario = scenario(format);
        List<JsonNode> unlimited = run(format, wasm, scenario, Limits.DEFAULT);
        long loopGas = unlimited.get(4).get("GasUsed").asLong();
        long spawnGas = unlimited.get(0).get("GasUsed").asLong();
        // Enough for every message but the loop (the spawn, which boots aos, is the next most expensive).
        long limit = (loopGas + spawnGas) / 2;
        assertTrue(spawnGas < limit && limit < loopGas, "the limit separates the loop from the rest");

        ObjectNode options = JsonNodeFactory.instance.objectNode().put("computeLimit", limit);
        ArrayNode expected = ReferenceLoader.run(wasm, format, scenario.env(), scenario.messages(), options);
        List<JsonNode> actual = run(format, wasm, scenario, new Limits(Limits.DEFAULT.memoryLimitBytes(), limit));

        assertEquals(ProcessInstance.OUT_OF_GAS, expected.get(4).get("Error").asText(), "the reference's error");
        assertEquals(ProcessInstance.OUT_OF_GAS, actual.get(4).get("Error").asText(), "what the user sees");
        assertFalse(actual.get(4).has("Output"));
        // The state before the loop is kept: the handler and its count are still there.
        assertEquals(expected.get(6).get("Output"), actual.get(6).get("Output"));
        assertEquals(expected.get(6).get("GasUsed").asLong(), actual.get(6).get("GasUsed").asLong());
        assertTrue(actual.get(6).at("/Output/data").asText().endsWith("\n1"), "Count is still 1: " + actual.get(6));
    }

    @Test
    void anInstructionOutsideTheMeteredSetIsRefused() {
        // memory.fill (0xFC 0x0B) in a function body: beyond what the reference metering decodes.
        byte[] module = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
                0x03, 0x02, 0x01, 0x00,
                0x05, 0x03, 0x01, 0x00, 0x01,
                0x0A, 0x0D, 0x01, 0x0B, 0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, (byte) 0xFC, 0x0B, 0x00, 0x0B};
        ModuleLoadException e = assertThrows(ModuleLoadException.class,
                () -> AoModule.load(engine, module, ModuleFormat.WASM32_EMSCRIPTEN_METERING));
        assertTrue(e.getMessage().contains("0xFC"), e.getMessage());
    }

    private static List<Long> gas(Iterable<JsonNode> results) {
        List<Long> gas = new ArrayList<>();
        results.forEach(r -> gas.add(r.path("GasUsed").asLong(-1)));
        return gas;
    }

    private List<JsonNode> run(ModuleFormat format, Path wasm, AosScenario scenario, Limits limits) throws Exception {
        AoModule module = AoModule.load(engine, Files.readAllBytes(wasm), format);
        JsonNode env = scenario.env();
        List<JsonNode> results = new ArrayList<>();
        try (ProcessInstance process = ProcessInstance.start(module, limits)) {
            for (JsonNode msg : scenario.messages()) {
                results.add(process.handle(msg, env).toJson());
            }
        }
        return results;
    }
}
