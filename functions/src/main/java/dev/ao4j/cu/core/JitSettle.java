package dev.ao4j.cu.core;

import java.util.function.LongSupplier;

/**
 * Tells when the JIT compiler has caught up with a workload: in a window of at least {@link #MIN_WINDOW_NANOS} of
 * work its compiler threads used under a tenth of the wall time. On two cores GraalWasm's compiler keeps a core
 * busy for a minute or more of aos messages, and the messages run at a fraction of their later speed meanwhile.
 */
public final class JitSettle {
    static final long MIN_WINDOW_NANOS = 2_000_000_000L;
    private static final double SETTLED_FRACTION = 0.1;

    private final LongSupplier compilerCpuNanos;
    private final LongSupplier wallNanos;
    private long windowWall;
    private long windowCpu;

    /** @param compilerCpuNanos the compiler threads' CPU time so far, never decreasing; negative: not measured */
    public JitSettle(LongSupplier compilerCpuNanos) {
        this(compilerCpuNanos, System::nanoTime);
    }

    JitSettle(LongSupplier compilerCpuNanos, LongSupplier wallNanos) {
        this.compilerCpuNanos = compilerCpuNanos;
        this.wallNanos = wallNanos;
        restart();
    }

    /** Starts a new window, e.g. after a pause: a window in which the workload did not run says nothing. */
    public void restart() {
        windowWall = wallNanos.getAsLong();
        windowCpu = compilerCpuNanos.getAsLong();
    }

    /**
     * Called between units of work: true once a window of at least two seconds ended with the compiler mostly idle.
     * A window that ends busy starts the next one. Never true where compiler time is not measured.
     */
    public boolean settled() {
        long wall = wallNanos.getAsLong() - windowWall;
        if (wall < MIN_WINDOW_NANOS) {
            return false;
        }
        long cpu = compilerCpuNanos.getAsLong();
        boolean quiet = windowCpu >= 0 && cpu >= 0 && cpu - windowCpu < SETTLED_FRACTION * wall;
        restart();
        return quiet;
    }
}
