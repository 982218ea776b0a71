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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated corpus ({@link LuaCorpus}) through @permaweb/ao-loader and through ao4j, on both aos builds and
 * both metering formats: after every message the results and the SHA-256 of the whole linear memory must be
 * identical. The shares of {@code ao4j.corpus.programs} per format are fixed; the seed is {@code ao4j.corpus.seed}
 * (default 1). The suite runs 400 programs, which keeps it within its time budget (GraalWasm, not the comparison,
 * takes most of the time); {@code ./ao4j corpus --programs N --seed S} runs any number, 1,000 by default.
 */
@Tag("slow")
class LuaCorpusTest extends WithWasmEngine {
    private static final int SUITE_PROGRAMS = 400;

    @ParameterizedTest(name = "{1}: {2}‰ of the corpus")
    @CsvSource({"aos2_0_6.wasm, wasm64-unknown-emscripten-draft_2024_02_15, 400",
            "aos2_0_4_32.wasm, wasm32-unknown-emscripten4, 300",
            "aos2_0_4_32.wasm, wasm32-unknown-emscripten-metering, 150",
            "aos2_0_6.wasm, wasm64-unknown-emscripten-draft_2024_10_16-metering, 150"})
    void everyMessageLeavesTheReferenceLoadersMemory(String file, String formatTag, int perMille) throws Exception {
        int programs = Math.max(1, Integer.getInteger("ao4j.corpus.programs", SUITE_PROGRAMS) * perMille / 1000);
        long seed = Long.getLong("ao4j.corpus.seed", 1L) * 31 + formatTag.hashCode();
        ModuleFormat format = ModuleFormat.require(formatTag);
        Path wasm = Compat.module(file);
        AosScenario scenario = new LuaCorpus(seed).appendTo(new AosScenario(format).spawn(), programs);
        ArrayNode expected = Differential.assertSameAsReference(engine, wasm, format, scenario, "seed " + seed);
        long failed = 0;
        long sent = 0;
        for (JsonNode result : expected) {
            failed += result.has("Error") ? 1 : 0;
            sent += result.path("Messages").size();
        }
        // Not vacuous: the corpus ran, sent messages, and some programs failed on purpose.
        assertTrue(programs < 40 || failed > 0 && sent > 0, "failed " + failed + ", sent " + sent);
        assertTrue(expected.get(1).at("/Output/data").asText().contains("corpus ready"), expected.get(1).toString());
    }
}
