package dev.ao4j.bench;

import java.util.Arrays;

/**
 * Measures operations per second: a warm-up, then several timed rounds, reporting the median so one
 * noisy round (two shared cores) does not decide the figure.
 */
public final class Throughput {
    /** One operation; the returned value is consumed so the JIT cannot drop the work. */
    @FunctionalInterface
    public interface Operation {
        Object run() throws Exception;
    }

    private static volatile Object sink;

    private Throughput() {}

    public static double opsPerSecond(Operation operation, BenchSuite.Options options) throws Exception {
        long roundNanos = options.quick() ? 150_000_000L : 1_000_000_000L;
        int rounds = options.quick() ? 2 : 5;
        runFor(operation, roundNanos); // warm-up
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = runFor(operation, roundNanos);
        }
        Arrays.sort(rates);
        return rates[rounds / 2];
    }

    private static double runFor(Operation operation, long nanos) throws Exception {
        long start = System.nanoTime();
        long count = 0;
        long elapsed;
        do {
            sink = operation.run();
            count++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return count / (elapsed / 1e9);
    }
}
