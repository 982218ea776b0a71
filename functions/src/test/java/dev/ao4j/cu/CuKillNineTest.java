package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.Target;
import dev.ao4j.wasm.WasmEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 a CU (its own JVM) in the middle of evaluating a real aos process (wasm32, aos 2.0.4); restart it on the
 * same data: every result and the final memory equal those of a CU that was never interrupted.
 */
@org.junit.jupiter.api.Tag("slow")
class CuKillNineTest {
    private static final int MESSAGES = 300;
    private static final int KILL_AFTER = 170;

    @TempDir
    Path dir;

    @Test
    void aCuKilledMidEvaluationRestartsAndProducesIdenticalResults() throws Exception {
        String process;
        List<String> ids = new ArrayList<>();
        try (AosWorld world = AosWorld.open(dir)) {
            String module = world.publishModule("aos2_0_4_32.wasm", "wasm32-unknown-emscripten4");
            process = world.spawn(module);
            world.eval(process, AosWorld.COUNTER);
            for (int i = 0; i < MESSAGES; i++) {
                ids.add(world.send(process, "", new Tag("Action", "Inc")));
            }
        }
        Path list = dir.resolve("ids.txt");
        List<String> lines = new ArrayList<>();
        lines.add(process);
        lines.addAll(ids);
        Files.write(list, lines);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CuCrashChild.class.getName(),
                dir.toString(), "k", list.toString(), "50"));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int done = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("DONE ")) {
                    done = Integer.parseInt(line.substring(5));
                    if (done >= KILL_AFTER) {
                        child.destroyForcibly(); // SIGKILL while it evaluates
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertTrue(done >= KILL_AFTER, "the child evaluated " + done + " messages before it died");

        List<AutoCloseable> closers = new ArrayList<>();
        try (WasmEngine engine = WasmEngine.create(); AosWorld world = AosWorld.open(dir)) {
            ComputeService restarted = world.cu(engine, "k", AosWorld.settings(50, false), List.of(), closers);
            ComputeService reference = world.cu(engine, "ref", AosWorld.settings(0, false), List.of(), closers);
            restarted.evaluate(process, Target.LATEST);
            reference.evaluate(process, Target.LATEST);
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(reference.result(ids.get(i), process).toString(),
                        restarted.result(ids.get(i), process).toString(), "result of message " + i);
            }
            assertEquals(Integer.toString(MESSAGES),
                    restarted.result(ids.getLast(), process).get("Messages").get(0).get("Data").asText());
            assertEquals(reference.memorySha256(process, Target.LATEST), restarted.memorySha256(process, Target.LATEST));
        } finally {
            for (AutoCloseable closer : closers) {
                closer.close();
            }
        }
    }
}
