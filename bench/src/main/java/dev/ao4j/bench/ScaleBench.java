package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ./ao4j bench scale}: the node's memory per live aos 2.0.6 process. Starts {@code ao4j up}, reads its
 * resident memory, spawns one process and then N more with one Eval each (compat/scripts/aoconnect-spawn-many.cjs),
 * and reads it after the first, while the N are live, and once more after they were left untouched past the CU's
 * {@code hibernate-after} (each keeps only the memory pages it touched). Then one message to each
 * (compat/scripts/aoconnect-touch-each.cjs) measures the round trip that wakes a process. N stays within the CU's
 * default loaded-memory budget, so no process is unloaded. Goal: 16 MB per process, so that 1,000 live processes
 * fit in 16 GB.
 */
public final class ScaleBench implements BenchSuite {
    private static final double MB = 1024 * 1024;
    /**
     * The CU's default {@code hibernate-after} (30 s), a sweep of its idle check (7.5 s), and two of the node's
     * periodic collections (10 s each) that give the released memory back.
     */
    private static final Duration HIBERNATED_AFTER = Duration.ofSeconds(70);

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        Path root = BenchSuite.checkoutRoot();
        int processes = options.quick() ? 10 : 30;
        try (LaunchedNode node = LaunchedNode.start(root, Files.createTempDirectory("ao4j-bench-scale"))) {
            // Start-up work settles first: the JIT warm-up's scratch process (110 MB) must not count as idle memory.
            if (!node.awaitJitWarmUp(Duration.ofMinutes(7))) {
                System.err.println("bench scale: the node did not finish its JIT warm-up within 7 minutes");
            }
            Thread.sleep(5_000);
            long idle = node.residentBytes();
            // One process first: what the first one costs once (the module parsed, the Lua VM compiled) is not
            // what each further process costs.
            spawn(root, node, 1);
            Thread.sleep(HIBERNATED_AFTER.toMillis());
            long first = node.residentBytes();
            List<String> ids = spawn(root, node, processes);
            Thread.sleep(5_000);
            long loaded = node.residentBytes();
            Thread.sleep(HIBERNATED_AFTER.toMillis());
            long hibernating = node.residentBytes();
            JsonNode touched = CompatScript.run(root.resolve("compat"), "aoconnect-touch-each.cjs", ids,
                    LaunchedNode.aoconnectEnvironment(node.urls()));
            List<Double> wake = new ArrayList<>();
            touched.path("latenciesMs").forEach(ms -> wake.add(ms.asDouble()));
            Collections.sort(wake);
            String n = processes + "-more-aos-processes";
            return List.of(
                    BenchRow.of("scale.node-rss.idle", idle / MB, "MB"),
                    BenchRow.of("scale.node-rss.first-aos-process-idle", first / MB, "MB"),
                    BenchRow.of("scale.node-rss." + n + "-just-evaluated", loaded / MB, "MB"),
                    BenchRow.versus("scale.rss-per-aos-process-just-evaluated", (loaded - first) / MB / processes, "MB",
                            "goal 16 MB", 16),
                    BenchRow.of("scale.node-rss." + n + "-idle", hibernating / MB, "MB"),
                    BenchRow.versus("scale.rss-per-idle-aos-process", (hibernating - first) / MB / processes, "MB",
                            "goal 16 MB", 16),
                    BenchRow.of("scale.wake-round-trip.p50", wake.get(wake.size() / 2), "ms"),
                    BenchRow.of("scale.wake-round-trip.max", wake.getLast(), "ms"));
        }
    }

    private static List<String> spawn(Path root, LaunchedNode node, int processes) throws Exception {
        JsonNode spawned = CompatScript.run(root.resolve("compat"), "aoconnect-spawn-many.cjs", List.of(processes),
                LaunchedNode.aoconnectEnvironment(node.urls()));
        List<String> ids = new ArrayList<>();
        spawned.path("processes").forEach(id -> ids.add(id.asText()));
        if (ids.size() != processes) {
            throw new IllegalStateException("aoconnect-spawn-many.cjs spawned " + ids.size() + " of " + processes);
        }
        return ids;
    }
}
