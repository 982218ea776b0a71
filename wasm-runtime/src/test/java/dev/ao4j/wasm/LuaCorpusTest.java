package dev.ao4j.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.testing.Compat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated corpus ({@link LuaCorpus}) through @permaweb/ao-loader and through ao4j, on both aos builds and
 * both metering formats: after every message the results and the SHA-256 of the whole linear memory must be
 * identical. The shares of {@code ao4j.corpus.programs} (default 1,000) per format are fixed; the seed is
 * {@code ao4j.corpus.seed} (default 1). {@code ./ao4j corpus --programs N --seed S} runs any number.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuaCorpusTest {
    private static final List<String> COMPARED = List.of("Output", "Messages", "Spawns", "Assignments", "Error", "GasUsed",
            AosDifferentialTest.MEMORY_HASH);
    /** node's JSON numbers are doubles: 891828771 read back is an int where ao4j holds a long. */
    private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);
    private WasmEngine engine;

    @BeforeAll
    void engine() {
        engine = WasmEngine.create();
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @ParameterizedTest(name = "{1}: {2}‰ of the corpus")
    @CsvSource({"aos2_0_6.wasm, wasm64-unknown-emscripten-draft_2024_02_15, 400",
            "aos2_0_4_32.wasm, wasm32-unknown-emscripten4, 300",
            "aos2_0_4_32.wasm, wasm32-unknown-emscripten-metering, 150",
            "aos2_0_6.wasm, wasm64-unknown-emscripten-draft_2024_10_16-metering, 150"})
    void everyMessageLeavesTheReferenceLoadersMemory(String file, String formatTag, int perMille) throws Exception {
        int programs = Math.max(1, Integer.getInteger("ao4j.corpus.programs", 1000) * perMille / 1000);
        long seed = Long.getLong("ao4j.corpus.seed", 1L) * 31 + formatTag.hashCode();
        ModuleFormat format = ModuleFormat.require(formatTag);
        Path wasm = Compat.module(file);
        AosScenario scenario = new LuaCorpus(seed).appendTo(new AosScenario(format).spawn(), programs);
        var reference = ReferenceLoader.start(wasm, format, scenario.env(), scenario.messages());

        AoModule module = AoModule.load(engine, Files.readAllBytes(wasm), format);
        List<ObjectNode> actual = new ArrayList<>();
        try (ProcessInstance process = ProcessInstance.start(module, Limits.DEFAULT)) {
            for (JsonNode msg : scenario.messages()) {
                actual.add(process.handle(msg, scenario.env()).toJson().put(AosDifferentialTest.MEMORY_HASH, process.memorySha256()));
            }
        }
        ArrayNode expected = reference.join();

        assertEquals(expected.size(), actual.size());
        int failed = 0;
        for (int i = 0; i < actual.size(); i++) {
            for (String key : COMPARED) {
                JsonNode want = expected.get(i).get(key);
                JsonNode got = actual.get(i).get(key);
                if (!key.equals("GasUsed") || format.metering()) {
                    int index = i;
                    assertTrue(want == null ? got == null : got != null && want.equals(NUMBERS_BY_VALUE, got), () -> "message " + index + " (seed " + seed + ") differs in " + key
                            + "\nprogram: " + scenario.messages().get(index).path("Data").asText().lines().limit(12).toList()
                            + "\nreference: " + abbreviate(expected.get(index)) + "\nao4j:      " + abbreviate(actual.get(index)));
                }
            }
            failed += expected.get(i).has("Error") ? 1 : 0;
        }
        // Not vacuous: the corpus ran, produced outboxes, and some programs failed on purpose.
        assertTrue(programs < 40 || failed > 0, "some programs fail on purpose");
        assertTrue(expected.get(1).at("/Output/data").asText().contains("corpus ready"), expected.get(1).toString());
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 1500 ? text : text.substring(0, 1500) + "…";
    }
}
