package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./ao4j bench scale}: the node's memory per live aos 2.0.6 process. Starts {@code ao4j up}, reads its
 * resident memory, spawns N processes with one Eval each (compat/scripts/aoconnect-spawn-many.cjs), and reads it
 * again. N stays within the CU's default loaded-memory budget, so every process is loaded when measured. Goal:
 * 16 MB per process, so that 1,000 live processes fit in 16 GB.
 */
public final class ScaleBench implements BenchSuite {
    private static final double MB = 1024 * 1024;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        Path root = BenchSuite.checkoutRoot();
        int processes = options.quick() ? 10 : 30;
        try (LaunchedNode node = LaunchedNode.start(root, Files.createTempDirectory("ao4j-bench-scale"))) {
            Thread.sleep(5_000); // start-up work (module publishing, JIT) settles first
            long idle = node.residentBytes();
            JsonNode spawned = CompatScript.run(root.resolve("compat"), "aoconnect-spawn-many.cjs", List.of(processes),
                    LaunchedNode.aoconnectEnvironment(node.urls()));
            if (spawned.path("processes").size() != processes) {
                throw new IllegalStateException("aoconnect-spawn-many.cjs spawned " + spawned.path("processes").size());
            }
            Thread.sleep(5_000);
            long loaded = node.residentBytes();
            double perProcess = (loaded - idle) / MB / processes;
            return List.of(
                    BenchRow.of("scale.node-rss.idle", idle / MB, "MB"),
                    BenchRow.of("scale.node-rss." + processes + "-live-aos-processes", loaded / MB, "MB"),
                    BenchRow.versus("scale.rss-per-live-aos-process", perProcess, "MB", "goal 16 MB", 16));
        }
    }
}
