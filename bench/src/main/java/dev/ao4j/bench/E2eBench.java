package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./ao4j bench e2e}: the node as a user meets it. Starts {@code ao4j up} on a fresh data directory and a
 * free port, then runs compat/scripts/aoconnect-bench.cjs: latency from aoconnect {@code message()} to its
 * {@code result()} (p50, p99; one client, one aos 2.0.6 process, after warm-up), and sustained messages/s with
 * 16 concurrent clients over 4 processes, measured once the node's JIT warm-up has finished; and, first, the
 * time from launching the node to the result of a first process's first message. Then the same script against
 * WAO, the JavaScript emulator, in the same run ({@link WaoAnchor}): each figure's ratio is ao4j's ÷ WAO's. Goals:
 * p50 under 15 ms, p99 under 50 ms, first result within 5 s (reported, not enforced).
 */
public final class E2eBench implements BenchSuite {
    private static final int CLIENTS = 16;
    private static final int PROCESSES = 4;
    private static final Duration WARM_UP_PATIENCE = Duration.ofMinutes(7);

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        Path root = BenchSuite.checkoutRoot();
        Path compat = root.resolve("compat");
        int warmup = options.quick() ? 50 : 500;
        int measured = options.quick() ? 100 : 1000;
        int seconds = options.quick() ? 10 : 30;
        List<Integer> args = List.of(warmup, measured, CLIENTS, PROCESSES, seconds);
        JsonNode ao4j;
        double firstResultMs;
        boolean warmedUp;
        try (LaunchedNode node = LaunchedNode.start(root, Files.createTempDirectory("ao4j-bench-e2e"))) {
            Map<String, String> environment = LaunchedNode.aoconnectEnvironment(node.urls());
            // A user who starts the node and sends at once: one process spawned and its first message's result.
            JsonNode first = CompatScript.run(compat, "aoconnect-bench.cjs", List.of(0, 0, 0, 1, 0), environment);
            firstResultMs = node.startedIn().toNanos() / 1e6 + first.get("firstResultMs").asDouble();
            // The latency and throughput figures are those of a node that has finished its JIT warm-up (docs/cu.md).
            warmedUp = node.awaitJitWarmUp(WARM_UP_PATIENCE);
            ao4j = CompatScript.run(compat, "aoconnect-bench.cjs", args, environment);
        }
        if (!warmedUp) {
            System.err.println("bench e2e: the node did not finish its JIT warm-up within " + WARM_UP_PATIENCE);
        }
        // The anchor runs after the node has stopped, so neither measurement shares the machine with the other.
        JsonNode wao;
        try (WaoAnchor anchor = WaoAnchor.start(compat)) {
            wao = CompatScript.run(compat, "aoconnect-bench.cjs", args, anchor.aoconnectEnvironment());
        }
        String anchor = "WAO " + WaoAnchor.VERSION + " ";
        List<BenchRow> rows = new ArrayList<>();
        for (String figure : List.of("p50", "p99", "mean")) {
            rows.add(BenchRow.versus("e2e.message-to-result." + figure, ao4j.get(figure).asDouble(), "ms",
                    anchor + figure + " " + round(wao.get(figure).asDouble()) + " ms", wao.get(figure).asDouble()));
        }
        rows.add(BenchRow.versus("e2e.message-to-result.p50-vs-goal", ao4j.get("p50").asDouble(), "ms", "goal 15 ms", 15));
        rows.add(BenchRow.versus("e2e.message-to-result.p99-vs-goal", ao4j.get("p99").asDouble(), "ms", "goal 50 ms", 50));
        rows.add(BenchRow.versus("e2e.startup.first-result", firstResultMs, "ms",
                "goal 5 s from the JVM's start to the first message's result", 5000));
        double throughput = ao4j.get("throughput").asDouble();
        double waoThroughput = wao.get("throughput").asDouble();
        rows.add(BenchRow.versus("e2e.sustained.16-clients.4-processes", throughput, "msg/s",
                anchor + round(waoThroughput) + " msg/s", waoThroughput));
        return rows;
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
