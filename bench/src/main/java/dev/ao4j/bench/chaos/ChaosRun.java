package dev.ao4j.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.bench.LaunchedNode;
import dev.ao4j.cli.client.NodeClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A chaos run: a node started as a user starts it, aoconnect traffic against it (compat/scripts/chaos-traffic.cjs),
 * kill -9 at random moments with a restart after each, then the checks of {@link ChaosChecks} once the node has
 * settled. Nothing acknowledged may be lost, duplicated or computed differently from a fresh replay.
 *
 * @param minutes   how long the traffic runs
 * @param processes aos processes the traffic spreads over
 * @param kills     kill -9 during the traffic, at random moments
 * @param seed      for the kill moments
 */
public record ChaosRun(Path root, double minutes, int processes, int kills, long seed) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    public ChaosReport run() throws Exception {
        Path data = Files.createTempDirectory("ao4j-chaos");
        Path acks = data.resolve("acknowledged.jsonl");
        // The run checks durability, not speed: its nodes skip the JIT warm-up, which on two cores would only take
        // CPU from the traffic and the replays after every restart.
        try (LaunchedNode node = LaunchedNode.start(root, data, Map.of("AO4J_CU_WARM_UP", "PT0S"))) {
            long seconds = Math.round(minutes * 60);
            Process traffic = startTraffic(node, seconds, acks);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(traffic.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> processIds = ready(out.readLine(), node);
                List<Duration> recoveries = killDuring(node, seconds);
                String summary = out.readLine();
                if (!traffic.waitFor(5, TimeUnit.MINUTES) || traffic.exitValue() != 0) {
                    throw new IllegalStateException("the traffic failed (exit " + traffic.exitValue() + "); see " + data);
                }
                settle(node);
                return check(node, processIds, Acknowledged.read(acks), recoveries, summary);
            } finally {
                traffic.destroyForcibly();
            }
        }
    }

    private Process startTraffic(LaunchedNode node, long seconds, Path acks) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "scripts/chaos-traffic.cjs", Long.toString(seconds),
                Integer.toString(processes), acks.toString()).directory(root.resolve("compat").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(node.data().resolve("traffic.log").toFile()));
        builder.environment().putAll(LaunchedNode.aoconnectEnvironment(node.urls()));
        return builder.start();
    }

    private static List<String> ready(String line, LaunchedNode node) throws IOException {
        if (line == null) {
            throw new IllegalStateException("the traffic stopped before it was set up; see " + node.data().resolve("traffic.log"));
        }
        List<String> ids = new ArrayList<>();
        JSON.readTree(line).path("processes").forEach(p -> ids.add(p.asText()));
        return ids;
    }

    /** Kills the node at {@code kills} random moments within the traffic's time; answers each recovery time. */
    private List<Duration> killDuring(LaunchedNode node, long seconds) throws Exception {
        Random random = new Random(seed);
        long start = System.nanoTime();
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            moments.add(TimeUnit.SECONDS.toNanos(5) + (long) (random.nextDouble() * TimeUnit.SECONDS.toNanos(Math.max(1, seconds - 10))));
        }
        moments.sort(null);
        List<Duration> recoveries = new ArrayList<>();
        for (long moment : moments) {
            long wait = start + moment - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
            }
            recoveries.add(node.killAndRestart());
        }
        return recoveries;
    }

    /** Waits until the MU's crank queue is empty on three polls in a row. */
    private static void settle(LaunchedNode node) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String metrics = node.urls().gateway() + "/q/metrics";
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(metrics)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double depth = body.lines().filter(l -> l.startsWith("ao4j_mu_queue_depth"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            quiet = depth == 0 ? quiet + 1 : 0;
            Thread.sleep(1000);
        }
    }

    private ChaosReport check(LaunchedNode node, List<String> processIds, List<Acknowledged> acknowledged,
                              List<Duration> recoveries, String summary) throws Exception {
        NodeClient client = new NodeClient(node.urls());
        ChaosChecks checks = new ChaosChecks(client);
        int unanswered = checks.unanswered(acknowledged);
        var ledgers = checks.ledgers(processIds);
        int lost = checks.lost(acknowledged, ledgers);
        int duplicated = checks.duplicated(ledgers);
        int broken = checks.brokenLogs(processIds);
        int diverging = checks.diverging(processIds, node.urls().gateway());
        return new ChaosReport(processIds.size(), acknowledged.size(), recoveries.size(), recoveries, unanswered, lost,
                duplicated, broken, diverging, summary == null ? "" : summary, checks.problems);
    }
}
