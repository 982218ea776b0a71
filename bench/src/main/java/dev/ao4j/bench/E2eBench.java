package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.node.NodeUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./ao4j bench e2e}: the node as a user meets it. Starts {@code ao4j up} on a fresh data directory and a
 * free port, then runs compat/scripts/aoconnect-bench.cjs: latency from aoconnect {@code message()} to its
 * {@code result()} (p50, p99; one client, one aos 2.0.6 process, after warm-up), and sustained messages/s with
 * 16 concurrent clients over 4 processes. Goals: p50 under 15 ms, p99 under 50 ms (reported, not enforced).
 */
public final class E2eBench implements BenchSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        Path root = Path.of(System.getProperty("ao4j.root", ".")).toAbsolutePath();
        try (LaunchedNode node = LaunchedNode.start(root, Files.createTempDirectory("ao4j-bench-e2e"))) {
            int warmup = options.quick() ? 50 : 500;
            int measured = options.quick() ? 100 : 1000;
            int seconds = options.quick() ? 10 : 30;
            JsonNode m = runScript(root.resolve("compat"), node.urls(), List.of(warmup, measured, 16, 4, seconds));
            List<BenchRow> rows = new ArrayList<>();
            rows.add(BenchRow.versus("e2e.message-to-result.p50", m.get("p50").asDouble(), "ms", "goal 15 ms", 15));
            rows.add(BenchRow.versus("e2e.message-to-result.p99", m.get("p99").asDouble(), "ms", "goal 50 ms", 50));
            rows.add(BenchRow.of("e2e.message-to-result.mean", m.get("mean").asDouble(), "ms"));
            rows.add(BenchRow.of("e2e.sustained.16-clients.4-processes", m.get("throughput").asDouble(), "msg/s"));
            return rows;
        }
    }

    private static JsonNode runScript(Path compat, NodeUrls urls, List<Integer> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", compat.resolve("scripts/aoconnect-bench.cjs").toString()));
        args.forEach(a -> command.add(a.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(compat.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(LaunchedNode.aoconnectEnvironment(urls));
        Process script = builder.start();
        String out = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!script.waitFor(30, TimeUnit.MINUTES) || script.exitValue() != 0) {
            throw new IllegalStateException("aoconnect-bench.cjs failed (exit " + script.exitValue() + ")");
        }
        return JSON.readTree(out);
    }
}
