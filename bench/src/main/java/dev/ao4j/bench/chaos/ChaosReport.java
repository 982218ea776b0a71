package dev.ao4j.bench.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What a chaos run found. The four counts of what must never happen are all 0 on a node that loses nothing.
 *
 * @param unanswered   acknowledged messages without a result
 * @param lost         acknowledged credits and sends whose target never counted them
 * @param duplicated   references a target counted more than once
 * @param brokenLogs   SU logs with a gap in their nonces or a broken hash chain
 * @param diverging    processes whose attested state differs from a fresh replay ({@code ao4j verify})
 */
public record ChaosReport(int processes, int acknowledged, int kills, List<Duration> recoveries, int unanswered, int lost,
                          int duplicated, int brokenLogs, int diverging, String traffic, List<String> problems) {
    public boolean clean() {
        return unanswered == 0 && lost == 0 && duplicated == 0 && brokenLogs == 0 && diverging == 0;
    }

    public void print(PrintStream out) {
        long maxMs = recoveries.stream().mapToLong(Duration::toMillis).max().orElse(0);
        double meanMs = recoveries.stream().mapToLong(Duration::toMillis).average().orElse(0);
        out.printf("processes %d, messages acknowledged %d, kill -9 %d, recovery mean %.1f s, max %.1f s%n", processes,
                acknowledged, kills, meanMs / 1000, maxMs / 1000.0);
        out.printf("traffic: %s%n", traffic);
        out.printf("acknowledged without a result:      %d%n", unanswered);
        out.printf("outbox deliveries lost:             %d%n", lost);
        out.printf("deliveries or credits duplicated:   %d%n", duplicated);
        out.printf("SU logs with a gap or broken chain: %d%n", brokenLogs);
        out.printf("processes differing from a replay:  %d%n", diverging);
        problems.stream().limit(20).forEach(p -> out.println("  " + p));
        out.println(clean() ? "chaos: nothing lost" : "chaos: FAILED");
    }
}
