package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.JitWarmUp;
import dev.ao4j.cu.core.Target;
import dev.ao4j.wasm.WasmEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT warm-up on the real aos 2.0.6 module: aos takes its workload (the warm-up boots a process, adds a
 * handler and keeps sending to it), a user's process evaluated on the same CU meanwhile gets the results and the
 * memory it gets on a CU that never warmed up, and closing the CU ends a warm-up still running.
 */
@org.junit.jupiter.api.Tag("slow")
class AosWarmUpTest {
    private static final String WASM64 = "wasm64-unknown-emscripten-draft_2024_02_15";

    @TempDir
    Path dir;

    @Test
    void aosTakesTheWorkloadAndAUsersProcessBesideItEvaluatesAsWithoutIt() throws Exception {
        List<AutoCloseable> closers = new ArrayList<>();
        try (WasmEngine engine = WasmEngine.create(); AosWorld world = AosWorld.open(dir)) {
            String module = world.publishModule("aos2_0_6.wasm", WASM64);
            ComputeService warmed = world.cu(engine, "warmed", AosWorld.settings(0, false), List.of(), closers);
            JitWarmUp warmUp = warmed.warmUp(module, Duration.ofHours(1));

            String process = world.spawn(module);
            world.eval(process, AosWorld.COUNTER);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(world.send(process, "", new Tag("Action", "Inc")));
            }
            List<String> results = new ArrayList<>();
            for (String id : sent) {
                results.add(warmed.result(id, process).toString());
            }
            assertTrue(results.getLast().contains("\"Data\":\"3\""), results.getLast());

            // Past the workload's first Eval (message 50), however fast this machine evaluates.
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (warmUp.progress().state() == JitWarmUp.State.RUNNING && warmUp.progress().messages() <= 50
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            JitWarmUp.Progress progress = warmUp.progress();
            assertNotEquals(JitWarmUp.State.FAILED, progress.state(), "aos took the warm-up workload");
            assertTrue(progress.messages() > 50, "it evaluated " + progress.messages());

            ComputeService plain = world.cu(engine, "plain", AosWorld.settings(0, false), List.of(), closers);
            for (int i = 0; i < sent.size(); i++) {
                assertEquals(results.get(i), plain.result(sent.get(i), process).toString(), "result " + i);
            }
            assertEquals(plain.memorySha256(process, Target.LATEST), warmed.memorySha256(process, Target.LATEST));

            ComputeService closing = world.cu(engine, "closing", AosWorld.settings(0, false), List.of(), closers);
            JitWarmUp stopped = closing.warmUp(module, Duration.ofHours(1));
            closing.close();
            awaitEnd(stopped, Duration.ofMinutes(1));
            assertEquals(JitWarmUp.State.STOPPED, stopped.progress().state());
        } finally {
            for (AutoCloseable closer : closers) {
                closer.close();
            }
        }
    }

    private static void awaitEnd(JitWarmUp warmUp, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (warmUp.progress().state() == JitWarmUp.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertNotEquals(JitWarmUp.State.RUNNING, warmUp.progress().state(), "the warm-up ended within " + patience);
    }
}
