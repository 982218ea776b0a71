package dev.ao4j.wasm;

import java.time.Duration;

/**
 * Per-process limits. {@code memoryLimitBytes}: linear memory may not grow past it (the message yields an
 * Error and the memory stays as it was). {@code computeLimit}: gas for metering formats (ignored by the
 * others). {@code evalTimeout}: a safety valve for formats without metering — a message still running after
 * it is cancelled and yields an Error (state kept); {@link Duration#ZERO} means no timeout. Being wall-clock,
 * the timeout is not deterministic: set it well above any legitimate evaluation.
 */
public record Limits(long memoryLimitBytes, long computeLimit, Duration evalTimeout) {
    /** The AO CU's defaults: 1 GiB of memory, 9e12 gas; no timeout. */
    public static final Limits DEFAULT = new Limits(1L << 30, 9_000_000_000_000L);

    public Limits {
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memoryLimitBytes must be positive: " + memoryLimitBytes);
        }
        if (computeLimit <= 0) {
            throw new IllegalArgumentException("computeLimit must be positive: " + computeLimit);
        }
        if (evalTimeout == null || evalTimeout.isNegative()) {
            throw new IllegalArgumentException("evalTimeout must be zero (none) or positive: " + evalTimeout);
        }
    }

    /** Limits without an evaluation timeout. */
    public Limits(long memoryLimitBytes, long computeLimit) {
        this(memoryLimitBytes, computeLimit, Duration.ZERO);
    }

    public Limits withEvalTimeout(Duration timeout) {
        return new Limits(memoryLimitBytes, computeLimit, timeout);
    }
}
