package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.Target;
import dev.ao4j.wasm.WasmEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay determinism on the real aos module (wasm64, aos 2.0.6): 1,000 messages evaluated without a break;
 * then a CU with an empty cache that evaluated half-way and checkpointed; then a brand-new CU that continues
 * from that checkpoint alone. Memory SHA-256 and every result must be identical to the uninterrupted run.
 */
@org.junit.jupiter.api.Tag("slow")
class AosReplayDeterminismTest {
    private static final int MESSAGES = 1000;
    private static WasmEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        engine = WasmEngine.create();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void aCuRestartedFromACheckpointReachesTheSameMemoryAndResults() throws Exception {
        List<AutoCloseable> closers = new ArrayList<>();
        try (AosWorld world = AosWorld.open(dir)) {
            String module = world.publishModule("aos2_0_6.wasm", "wasm64-unknown-emscripten-draft_2024_02_15");
            String process = world.spawn(module);
            world.eval(process, AosWorld.COUNTER);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                ids.add(world.send(process, "", new Tag("Action", "Inc")));
            }
            String last = ids.getLast();
            String middle = ids.get(MESSAGES / 2);

            ComputeService uninterrupted = world.cu(engine, "a", AosWorld.settings(0, false), List.of(), closers);
            JsonNode lastResult = uninterrupted.result(last, process);
            assertEquals(Integer.toString(MESSAGES), lastResult.get("Messages").get(0).get("Data").asText(),
                    "the counter saw every message once");
            String expectedSha = uninterrupted.memorySha256(process, Target.LATEST);
            List<String> expectedResults = new ArrayList<>();
            for (String id : ids) {
                expectedResults.add(uninterrupted.result(id, process).toString());
            }

            ComputeService halfway = world.cu(engine, "b", AosWorld.settings(400, false), List.of(), closers);
            halfway.result(middle, process);
            halfway.close(); // stops without a final checkpoint: the newest one is at 400 evaluations

            ComputeService restarted = world.cu(engine, "c", AosWorld.settings(0, false),
                    List.of(world.cuAddress("b")), closers);
            JsonNode restartedLast = restarted.result(last, process);
            assertEquals(expectedSha, restarted.memorySha256(process, Target.LATEST), "same memory as the uninterrupted run");
            assertEquals(lastResult, restartedLast);
            JsonNode firstEvaluated = restarted.results(process, null, null, "ASC", 1).get("edges").get(0);
            assertNotNull(firstEvaluated);
            assertEquals(400, cursorOrdinate(firstEvaluated.get("cursor").asText()),
                    "the new CU evaluated only what follows the checkpoint (nonces 0..399 are in it)");
            for (int i = 398; i < MESSAGES; i++) {
                assertEquals(expectedResults.get(i), restarted.result(ids.get(i), process).toString(), "result of message " + i);
            }

            JsonNode attestation = restarted.attestation(last, process);
            DataItem item = DataItem.parse(Base64Url.decode(attestation.get("item").asText()));
            assertTrue(item.verify(), "the attestation is a valid signed data item");
            assertEquals(world.cuAddress("c"), attestation.get("unit").asText());
            assertEquals(process, item.tag("Process").orElseThrow());
            assertEquals(last, item.tag("Message").orElseThrow());
            assertEquals(expectedSha, item.tag("Memory-SHA-256").orElseThrow(), "it states the memory after the message");
            assertEquals(lastResult.toString(), new String(item.data(), java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            for (AutoCloseable closer : closers) {
                closer.close();
            }
        }
    }

    private static long cursorOrdinate(String cursor) throws Exception {
        JsonNode node = CountingRuntime.JSON.readTree(java.util.Base64.getDecoder().decode(cursor));
        return node.get("ordinate").asLong();
    }
}
