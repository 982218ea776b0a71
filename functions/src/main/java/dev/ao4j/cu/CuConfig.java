package dev.ao4j.cu;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The CU's settings, {@code ao4j.cu.*} (each documented in application.properties). */
@ConfigMapping(prefix = "ao4j.cu")
public interface CuConfig {
    /** The CU wallet file; default {@code <data-dir>/wallets/cu.json}, created on first start. */
    Optional<String> wallet();

    @WithDefault("rsa")
    String walletType();

    /** Largest Memory-Limit admitted, bytes. */
    @WithDefault("1073741824")
    long maxMemoryLimit();

    /** Largest Compute-Limit admitted. */
    @WithDefault("9000000000000")
    long maxComputeLimit();

    /** Module-Formats admitted; empty means all AO formats the runtime can run. */
    Optional<List<String>> supportedFormats();

    /** Checkpoint a process after this many evaluations (0: only when it goes idle). */
    @WithDefault("1000")
    int checkpointEvery();

    /** Unload (after a checkpoint) a process not used for this long. */
    @WithDefault("PT5M")
    Duration idleTimeout();

    /** Wallet addresses whose checkpoints this CU restores; empty means only its own. */
    Optional<List<String>> trustedCheckpointOwners();

    /** SU log page size. */
    @WithDefault("1000")
    int suPageSize();

    /**
     * SHA-256 the memory after every message (for attestations); false: after the last message of each request
     * (hashing ~110 MB of aos memory costs about as much as evaluating dozens of messages).
     */
    @WithDefault("false")
    boolean hashEveryMessage();

    /**
     * Without {@link #hashEveryMessage()}: how long a process must stay quiet before its last memory is hashed. A
     * process that keeps receiving messages spends no CPU on hashes the next message would make stale.
     */
    @WithDefault("PT1S")
    Duration idleHashAfter();

    /**
     * A process untouched this long lets go of its live instance (GraalWasm allocates and zero-fills a process's
     * whole memory, 110 MB for aos 2.0.6) and keeps only the pages it touched, until its next message.
     */
    @WithDefault("PT30S")
    Duration hibernateAfter();

    /**
     * On a node, after start: the longest the JIT warm-up on the default module may evaluate (docs/cu.md, "JIT
     * warm-up"). It runs only while the CU is idle and ends sooner once the compiler has caught up. PT0S: none.
     */
    @WithDefault("PT5M")
    Duration warmUp();

    /** Wall-clock deadline of one scheduled message; past it nothing is stored and the process stays where it was. */
    @WithDefault("PT60S")
    Duration evalTimeout();

    /** Wall-clock deadline of one dry-run. */
    @WithDefault("PT5S")
    Duration dryRunTimeout();

    /** After a scheduled message passed its deadline, requests that need it are refused this long (503). */
    @WithDefault("PT2M")
    Duration timedOutRetryAfter();

    /** Evaluations running at once (each on a platform thread with a 64 MiB stack). */
    @WithDefault("8")
    int evaluationThreads();

    /** Requests waiting for an evaluation thread; beyond this the CU answers 503 with Retry-After. */
    @WithDefault("64")
    int evaluationQueue();

    /** Total linear memory of the loaded processes, bytes; past it the least recently used idle ones are unloaded. */
    @WithDefault("4294967296")
    long loadedMemoryBytes();

    /** Largest process memory {@code GET /state} serves, bytes (413 above). */
    @WithDefault("536870912")
    long maxStateBytes();
}
