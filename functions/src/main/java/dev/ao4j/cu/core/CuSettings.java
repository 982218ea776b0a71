package dev.ao4j.cu.core;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The CU's tunables, free of any framework (the wiring fills them from {@code ao4j.cu.*}).
 *
 * @param maxMemoryLimit        largest Memory-Limit admitted, bytes (AO: 1 GiB)
 * @param maxComputeLimit       largest Compute-Limit admitted, gas (AO: 9e12)
 * @param supportedFormats      Module-Formats admitted (also limited to what the runtime runs)
 * @param checkpointEvery       write a checkpoint after this many evaluations (0: only when idle)
 * @param idleTimeout           a process untouched this long is checkpointed and dropped from memory
 * @param pageSize              SU log page size
 * @param hashEveryMessage      SHA-256 the memory after every message (for attestations); false: only after the
 *                              last message of each request and at checkpoints
 * @param idleHashAfter         with {@code hashEveryMessage} false: how long a process must stay quiet before that
 *                              last memory is hashed, so a busy process spends no CPU on hashes its next message
 *                              would throw away
 * @param hibernateAfter        a process untouched this long lets go of its live instance and keeps only the memory
 *                              pages it touched, until its next message (well before {@code idleTimeout})
 * @param bounds                what one anonymous caller can make the CU spend
 */
public record CuSettings(long maxMemoryLimit, long maxComputeLimit, Set<String> supportedFormats, int checkpointEvery,
                         Duration idleTimeout, int pageSize, boolean hashEveryMessage, Duration idleHashAfter,
                         Duration hibernateAfter, Bounds bounds) {
    /**
     * The CU's resource bounds (docs/security.md).
     *
     * @param evalTimeout        wall-clock deadline of one scheduled message; past it nothing is stored and the
     *                           process stays where it was
     * @param dryRunTimeout      wall-clock deadline of one dry-run
     * @param timedOutRetryAfter after a scheduled message passed its deadline, requests that need it are refused this
     *                           long before it is tried again
     * @param evaluationThreads  evaluations running at once
     * @param evaluationQueue    requests waiting for an evaluation thread; more are refused with 503
     * @param loadedMemoryBytes  total linear memory of the loaded processes; past it the least recently used idle
     *                           ones are checkpointed and unloaded
     * @param maxStateBytes      largest memory {@code GET /state} serves
     */
    public record Bounds(Duration evalTimeout, Duration dryRunTimeout, Duration timedOutRetryAfter,
                         int evaluationThreads, int evaluationQueue, long loadedMemoryBytes, long maxStateBytes) {
        public static final Bounds DEFAULT = new Bounds(Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofMinutes(2), 8, 64, 4L << 30, 512L << 20);

        public Bounds {
            if (evaluationThreads <= 0 || evaluationQueue < 0 || loadedMemoryBytes <= 0 || maxStateBytes <= 0) {
                throw new IllegalArgumentException("evaluation threads, memory budget and state size must be positive");
            }
        }
    }

    public static final long AO_MAX_MEMORY = 1024L * 1024 * 1024;
    public static final long AO_MAX_COMPUTE = 9_000_000_000_000L;
    public static final List<String> AO_FORMATS = List.of("wasm32-unknown-emscripten", "wasm32-unknown-emscripten2",
            "wasm32-unknown-emscripten3", "wasm32-unknown-emscripten4", "wasm32-unknown-emscripten-metering",
            "wasm64-unknown-emscripten-draft_2024_02_15", "wasm64-unknown-emscripten-draft_2024_10_16-metering");

    public CuSettings {
        supportedFormats = Set.copyOf(supportedFormats);
        if (pageSize <= 0 || checkpointEvery < 0 || idleHashAfter.isNegative() || !hibernateAfter.isPositive()) {
            throw new IllegalArgumentException("page size must be positive, checkpoint interval and idle-hash delay ≥ 0, hibernation delay positive");
        }
    }

    public static CuSettings defaults() {
        return new CuSettings(AO_MAX_MEMORY, AO_MAX_COMPUTE, Set.copyOf(AO_FORMATS), 1000, Duration.ofMinutes(5), 1000,
                true, Duration.ZERO, Duration.ofSeconds(30), Bounds.DEFAULT);
    }

    public CuSettings withCheckpointEvery(int messages) {
        return new CuSettings(maxMemoryLimit, maxComputeLimit, supportedFormats, messages, idleTimeout, pageSize,
                hashEveryMessage, idleHashAfter, hibernateAfter, bounds);
    }

    public CuSettings withLimits(long memory, long compute) {
        return new CuSettings(memory, compute, supportedFormats, checkpointEvery, idleTimeout, pageSize, hashEveryMessage,
                idleHashAfter, hibernateAfter, bounds);
    }

    public CuSettings withIdleTimeout(Duration timeout) {
        return new CuSettings(maxMemoryLimit, maxComputeLimit, supportedFormats, checkpointEvery, timeout, pageSize,
                hashEveryMessage, idleHashAfter, hibernateAfter, bounds);
    }

    public CuSettings withHashEveryMessage(boolean every) {
        return new CuSettings(maxMemoryLimit, maxComputeLimit, supportedFormats, checkpointEvery, idleTimeout, pageSize,
                every, idleHashAfter, hibernateAfter, bounds);
    }

    public CuSettings withBounds(Bounds newBounds) {
        return new CuSettings(maxMemoryLimit, maxComputeLimit, supportedFormats, checkpointEvery, idleTimeout, pageSize,
                hashEveryMessage, idleHashAfter, hibernateAfter, newBounds);
    }

    public CuSettings withIdleHashAfter(Duration quiet) {
        return new CuSettings(maxMemoryLimit, maxComputeLimit, supportedFormats, checkpointEvery, idleTimeout, pageSize,
                hashEveryMessage, quiet, hibernateAfter, bounds);
    }

    public CuSettings withHibernateAfter(Duration untouched) {
        return new CuSettings(maxMemoryLimit, maxComputeLimit, supportedFormats, checkpointEvery, idleTimeout, pageSize,
                hashEveryMessage, idleHashAfter, untouched, bounds);
    }
}
