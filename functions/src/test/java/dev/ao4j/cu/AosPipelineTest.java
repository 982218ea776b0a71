package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.adapter.WasmModuleRuntime;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.cu.core.Target;
import dev.ao4j.testing.Compat;
import dev.ao4j.wasm.WasmEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on the real aos module (wasm32 build) through the CU's wasm adapter: aos boots from the
 * process's own slot, runs Eval from its owner, answers handlers; a dry-run leaves the memory as it was; a Lua
 * error is an Error result that keeps the state; a checkpoint (gzipped memory + runtime clock) restores into a
 * new instance that continues identically.
 */
@org.junit.jupiter.api.Tag("slow")
class AosPipelineTest {
    private static WasmEngine engine;
    private static byte[] aos;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        engine = WasmEngine.create();
        aos = Files.readAllBytes(Compat.module("aos2_0_4_32.wasm"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private PipelineHarness harness(FakeSu su, CuSettings settings, MemoryCheckpoints checkpoints) {
        return new PipelineHarness(dir, su, settings, checkpoints, PipelineHarness.moduleTags(), new WasmModuleRuntime(engine), aos);
    }

    private static List<Tag> action(String action) {
        return List.of(new Tag("Action", action));
    }

    @Test
    void aosEvaluatesDryRunsAndRestoresFromACheckpoint() throws Exception {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1_500_000, List.of());
        su.send(action("Eval"), AosWorld.COUNTER);
        String third = null;
        for (int i = 0; i < 5; i++) {
            String id = su.send(action("Inc"), "");
            if (i == 2) {
                third = id;
            }
        }
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        try (PipelineHarness h = harness(su, AosWorld.settings(4, true), checkpoints)) {
            JsonNode reply = h.compute.result(third, su.processId);
            assertEquals("3", reply.get("Messages").get(0).get("Data").asText());
            assertEquals(su.owner, reply.get("Messages").get(0).get("Target").asText(), "msg.reply goes to From");
            h.compute.evaluate(su.processId, Target.LATEST);
            String before = h.compute.memorySha256(su.processId, Target.LATEST);

            ObjectNode body = CountingRuntime.JSON.createObjectNode();
            body.put("Id", "1234").put("Target", su.processId).put("Owner", su.owner).put("Data", "return Count");
            body.putArray("Tags").addObject().put("name", "Action").put("value", "Eval");
            JsonNode dry = h.compute.dryRun(su.processId, null, body);
            assertTrue(dry.get("Output").toString().contains("5"), dry.toString());
            assertEquals(before, h.compute.memorySha256(su.processId, Target.LATEST), "the dry-run changed nothing");

            String broken = su.send(action("Eval"), "error('boom')");
            JsonNode failed = h.compute.result(broken, su.processId);
            assertTrue(failed.toString().contains("boom"), failed.toString());
            String next = su.send(action("Inc"), "");
            assertEquals("6", h.compute.result(next, su.processId).get("Messages").get(0).get("Data").asText(),
                    "the counter continues after the failed Eval");
            assertNotEquals(before, h.compute.memorySha256(su.processId, Target.LATEST));
            assertTrue(checkpoints.written.size() >= 2);
        }
        String expected;
        try (PipelineHarness h = harness(su, AosWorld.settings(0, false), new MemoryCheckpoints())) {
            expected = h.compute.memorySha256(su.processId, Target.LATEST);
        }
        String last = su.send(action("Inc"), "");
        try (PipelineHarness h = harness(su, AosWorld.settings(0, false), checkpoints)) {
            assertEquals("7", h.compute.result(last, su.processId).get("Messages").get(0).get("Data").asText(),
                    "restored from the newest checkpoint and continued");
        }
        try (PipelineHarness h = harness(su, AosWorld.settings(0, false), new MemoryCheckpoints())) {
            String fromScratch = h.compute.memorySha256(su.processId, Target.LATEST);
            try (PipelineHarness r = harness(su, AosWorld.settings(0, false), checkpoints)) {
                assertEquals(fromScratch, r.compute.memorySha256(su.processId, Target.LATEST),
                        "checkpoint + replay = evaluation from scratch");
            }
            assertNotEquals(expected, fromScratch);
        }
    }
}
