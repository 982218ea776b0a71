package dev.ao4j.wasm;

/**
 * Per-process limits. {@code memoryLimitBytes}: linear memory may not grow past it (the message yields an
 * Error and the memory stays as it was). {@code computeLimit}: gas for metering formats (ignored by the others).
 */
public record Limits(long memoryLimitBytes, long computeLimit) {
    /** The AO CU's defaults: 1 GiB of memory, 9e12 gas. */
    public static final Limits DEFAULT = new Limits(1L << 30, 9_000_000_000_000L);

    public Limits {
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memoryLimitBytes must be positive: " + memoryLimitBytes);
        }
        if (computeLimit <= 0) {
            throw new IllegalArgumentException("computeLimit must be positive: " + computeLimit);
        }
    }
}
