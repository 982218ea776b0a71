package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.cu.port.BlockSource;
import dev.ao4j.cu.port.CheckpointStore;
import dev.ao4j.cu.port.ProcessRuntime.Outcome;
import dev.ao4j.cu.port.ProcessRuntime;
import dev.ao4j.cu.port.ResultStore.Evaluation;
import dev.ao4j.cu.port.ResultStore;
import dev.ao4j.cu.port.SuClient;
import dev.ao4j.protocol.ProcessMeta;
import dev.ao4j.protocol.SuWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Evaluates one process, one message at a time: pages its SU log, checks it, merges in cron messages,
 * feeds each entry to the live module instance and stores every result. One lock per process serialises
 * requests, so a request arriving while another evaluates waits and then finds its answer already stored.
 * A failed message (trap, out of gas, {@code Error} in the response) is stored as an Error result; the
 * runtime keeps the memory as it was before it.
 */
public final class ProcessEvaluator {
    private static final Logger LOG = Logger.getLogger(ProcessEvaluator.class);
    private static final int SAVE_BATCH = 200;

    private final ProcessMeta process;
    private final String moduleId;
    private final ObjectNode env;
    private final Crons crons;
    private final LogReader reader;
    private final SuClient su;
    private final ResultStore results;
    private final CheckpointStore checkpoints;
    private final BlockSource blocks;
    private final Supplier<ProcessRuntime> instances;
    private final CuSettings settings;
    private final ReentrantLock lock = new ReentrantLock();

    /** Volatile for {@link #cancel()}, which reads it without the lock. */
    private volatile ProcessRuntime runtime;
    /** The message that last ran past its deadline, and until when requests that need it are refused. */
    private String timedOut;
    private long timedOutUntilNanos;
    private volatile long loadedBytes;
    private Position position;
    private String lastMessageId;
    private String memorySha;
    private int sinceCheckpoint;
    private final List<Evaluation> unsaved = new ArrayList<>();
    private final Set<String> unsavedDeepHashes = new HashSet<>();
    /**
     * The last evaluation of the last request, stored without its memory hash: hashed while the process is idle,
     * or never if the memory changes first.
     */
    private Evaluation pendingHash;
    private Evaluation lastApplied;
    private volatile long lastUsedNanos = System.nanoTime();
    private boolean closed;

    public ProcessEvaluator(ProcessMeta process, ModuleMeta module, LogReader reader, SuClient su, ResultStore results,
                            CheckpointStore checkpoints, BlockSource blocks, Supplier<ProcessRuntime> instances,
                            CuSettings settings) {
        this.process = process;
        this.moduleId = module.id();
        this.env = AoEnv.of(process, module);
        this.crons = Crons.of(process);
        this.reader = reader;
        this.su = su;
        this.results = results;
        this.checkpoints = checkpoints;
        this.blocks = blocks;
        this.instances = instances;
        this.settings = settings;
    }

    public ProcessMeta process() {
        return process;
    }

    /** Thrown when the evaluator was dropped (idle) between lookup and use: take a fresh one. */
    public static final class Evicted extends RuntimeException {
        Evicted() {
            super("evaluator evicted", null, false, false);
        }
    }

    /** Evaluates up to the target and answers where evaluation stands. */
    public Position evaluate(Target target) {
        return locked(() -> {
            advance(target);
            return position;
        });
    }

    /** A copy of the memory after evaluating up to the target, and where that is. */
    public record State(ProcessRuntime.Image image, Position position) {}

    /** @throws CuException 413 when the memory is larger than {@code maxBytes} */
    public State state(Target target, long maxBytes) {
        return locked(() -> {
            advance(target);
            long size = runtime.memorySize();
            if (size > maxBytes) {
                throw CuException.tooLarge("the memory of process " + process.id() + " is " + size
                        + " bytes; this CU serves states up to " + maxBytes + " (ao4j.cu.max-state-bytes)");
            }
            return new State(runtime.image(), position);
        });
    }

    /** SHA-256 (hex) of the memory after evaluating up to the target. */
    public String memorySha256(Target target) {
        return locked(() -> {
            advance(target);
            String sha = runtime.memorySha256();
            if (pendingHash != null) {
                recordPendingHash(sha); // nothing was evaluated since: this is the memory that result left
            }
            return sha;
        });
    }

    /**
     * Evaluates {@code msg} (built by the caller, {@code Read-Only: true}) against the latest state and then puts the
     * memory back as it was: nothing is stored and later evaluations are unaffected.
     */
    public JsonNode dryRun(Target target, java.util.function.Function<Position, ObjectNode> message) {
        return locked(() -> {
            advance(target);
            ProcessRuntime.Image before = runtime.image();
            Duration deadline = settings.bounds().dryRunTimeout();
            boolean alreadyPutBack = false;
            try {
                return ResultJson.of(runtime.handle(message.apply(position), env, deadline).result());
            } catch (ProcessRuntime.DeadlinePassed e) {
                alreadyPutBack = true; // a cancelled evaluation leaves the memory and clock as before it
                throw CuException.unprocessable("the dry-run did not finish within " + deadline.toMillis()
                        + " ms (ao4j.cu.dry-run-timeout); the process is unchanged");
            } finally {
                if (runtime != null && !alreadyPutBack) {
                    runtime.restore(before);
                }
            }
        });
    }

    /** Whether the last request's final memory still awaits its hash ({@link #hashPending()}). */
    public boolean hasPendingHash() {
        lock.lock();
        try {
            return pendingHash != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hashes the memory the last request left and records it with that request's last evaluation, unless another
     * request wants the process first: then it gives way at once and the hash is left pending (and dropped if that
     * request evaluates). Runs after a request was answered, so a client's next message never waits for a hash.
     */
    public void hashPendingWhileIdle() {
        locked(() -> {
            if (pendingHash != null && runtime != null) {
                runtime.memorySha256Unless(lock::hasQueuedThreads).ifPresent(this::recordPendingHash);
            }
            return null;
        });
    }

    /** Hashes the memory the last request left, if it is still there, and records it (an attestation asks). */
    public void hashPending() {
        locked(() -> {
            settlePendingHash();
            return null;
        });
    }

    /** Writes a checkpoint if anything was evaluated since the last one; answers whether one was written. */
    public boolean checkpointIfDirty() {
        return locked(() -> {
            if (runtime == null || sinceCheckpoint == 0) {
                return false;
            }
            checkpoint();
            return true;
        });
    }

    public long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /** The memory this process holds while loaded (its linear memory, or its kept pages while hibernating), as of its last use. */
    public long loadedBytes() {
        return loadedBytes;
    }

    /** Whether a request is evaluating this process now. */
    public boolean busy() {
        return lock.isLocked();
    }

    /**
     * Stops a running evaluation from any thread (the node is stopping): the instance is discarded and the request
     * ends with 503; what was evaluated before it is stored.
     */
    public void cancel() {
        ProcessRuntime live = runtime;
        if (live != null && lock.isLocked()) {
            live.cancel();
        }
    }

    /** Checkpoints (if needed) and drops the live instance: the process then holds no memory in the CU. */
    public void evict() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            try {
                settlePendingHash();
                if (runtime != null && sinceCheckpoint > 0) {
                    checkpoint();
                }
            } catch (ProcessRuntime.Failed e) {
                // Cancelled on the way down: no checkpoint; a restart replays from the last one.
                LOG.debugf("process %s: unloaded without a checkpoint: %s", process.id(), e.getMessage());
            }
            flush();
            closeRuntime();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #evict()} unless the process is being evaluated right now; answers whether it was evicted. */
    public boolean tryEvict() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            evict();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hibernates the live instance ({@link ProcessRuntime#hibernate()}) unless the process is being evaluated right
     * now; it is not a use of the process, so its idle time goes on.
     */
    public void tryHibernate() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (runtime != null && !closed) {
                runtime.hibernate();
                loadedBytes = measureMemory();
            }
        } catch (ProcessRuntime.Failed e) {
            LOG.debugf("process %s: hibernating failed, the next request loads it again: %s", process.id(), e.getMessage());
            dropFailedRuntime();
        } finally {
            lock.unlock();
        }
    }

    /** The instance is gone (cancelled, or unrecoverable): the next request loads the process again. */
    private void dropFailedRuntime() {
        unsaved.clear();
        unsavedDeepHashes.clear();
        pendingHash = null;
        ProcessRuntime dropped = runtime;
        runtime = null;
        if (dropped != null) {
            dropped.close();
        }
    }

    /** Drops the live instance without a checkpoint (shutdown of a CU that must not write). */
    public void close() {
        lock.lock();
        try {
            flush();
            try {
                settlePendingHash();
            } catch (ProcessRuntime.Failed e) {
                LOG.debugf("process %s: closed without its last memory hash: %s", process.id(), e.getMessage());
            }
            closeRuntime();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            if (closed) {
                throw new Evicted();
            }
            lastUsedNanos = System.nanoTime();
            return action.get();
        } catch (ProcessRuntime.Failed e) {
            dropFailedRuntime();
            throw CuException.unavailable("process " + process.id() + " was unloaded while evaluating: " + e.getMessage(), e);
        } finally {
            lastUsedNanos = System.nanoTime();
            loadedBytes = measureMemory();
            lock.unlock();
        }
    }

    private long measureMemory() {
        ProcessRuntime live = runtime;
        try {
            return live == null ? 0 : live.residentBytes();
        } catch (RuntimeException e) {
            return 0; // a broken instance; the next use drops it
        }
    }

    // ---- evaluation

    private void advance(Target target) {
        load();
        lastApplied = null;
        if (target instanceof Target.Slot slot && position.covers(slot.timestamp(), slot.nonce(), null)) {
            return;
        }
        try {
            Long to = target instanceof Target.Slot slot ? slot.timestamp() : null;
            SuWire.SuClock clock = target instanceof Target.Latest && !crons.isEmpty()
                    ? SuWire.clock(su.timestamp(process.id())) : null;
            Long from = position.isStart() ? null : position.timestamp();
            String doneCron = position.cron();
            long doneCronTimestamp = position.timestamp();
            while (true) {
                JsonNode page = su.page(process.id(), from, to, settings.pageSize());
                JsonNode edges = page.path("edges");
                String lastCursor = null;
                for (JsonNode edge : edges) {
                    ScheduledMessage message = reader.read(edge.path("node"), position);
                    evaluateCronsBefore(message.timestamp(), message.blockHeight(), doneCron, doneCronTimestamp);
                    evaluateScheduled(message);
                    lastCursor = edge.path("cursor").asText(null);
                    if (target instanceof Target.Slot slot && message.nonce() >= slot.nonce()) {
                        return;
                    }
                }
                if (!page.path("page_info").path("has_next_page").asBoolean(false) || lastCursor == null) {
                    break;
                }
                from = SuWire.parseLong(lastCursor, "cursor", "process " + process.id() + " log page");
            }
            if (clock != null) {
                evaluateCronsBefore(clock.timestamp(), clock.blockHeight(), doneCron, doneCronTimestamp);
            }
        } finally {
            hashLastEvaluation();
            flush();
        }
    }

    /**
     * Without a hash after every message, the last one of each request still gets its memory SHA-256: not before the
     * request is answered, but before anything else uses this memory ({@link #settlePendingHash()}).
     */
    private void hashLastEvaluation() {
        if (!settings.hashEveryMessage() && lastApplied != null && lastApplied.memorySha256() == null) {
            pendingHash = lastApplied;
        }
        lastApplied = null;
    }

    private void settlePendingHash() {
        if (pendingHash != null && runtime != null) {
            recordPendingHash(runtime.memorySha256());
        }
    }

    /** {@code sha} is the hash of the memory now, which is the memory the pending evaluation left. */
    private void recordPendingHash(String sha) {
        Evaluation evaluation = pendingHash;
        memorySha = sha;
        pendingHash = null;
        if (evaluation != null) {
            flush();
            results.saveMemorySha256(process.id(), evaluation.timestamp(), evaluation.ordinate(), evaluation.cron(), sha);
        }
    }

    private void evaluateCronsBefore(long rightTimestamp, long rightHeight, String doneCron, long doneCronTimestamp) {
        if (crons.isEmpty() || position.isStart()) {
            return;
        }
        List<BlockSource.Block> between = position.blockHeight() < rightHeight
                ? blocks.blocks(position.blockHeight() + 1, rightHeight) : List.of();
        Iterator<CronMessage> due = crons.between(position, rightTimestamp, between);
        while (due.hasNext()) {
            CronMessage cron = due.next();
            if (position.covers(cron.timestamp(), cron.ordinate(), cron.cron())
                    || (cron.timestamp() == doneCronTimestamp && cron.cron().equals(doneCron))) {
                continue; // the tick the last evaluation stopped on
            }
            apply(cron, null, false);
        }
    }

    private void evaluateScheduled(ScheduledMessage message) {
        boolean duplicate = message.deepHash() != null
                && (unsavedDeepHashes.contains(message.deepHash())
                    || results.evaluatedBefore(process.id(), message.deepHash(), null, message.nonce()))
                || message.isAssignment() && alreadyEvaluated(message.id(), message.nonce());
        if (duplicate) {
            LOG.debugf("process %s: slot %d (%s) repeats an evaluated message; skipped", process.id(), message.nonce(),
                    message.id());
            position = message.position(position);
            return;
        }
        apply(message, message.deepHash(), message.isAssignment());
        lastMessageId = message.id();
    }

    /** Evaluated at an earlier slot: the unsaved ones of this request all are. */
    private boolean alreadyEvaluated(String messageId, long nonce) {
        return unsaved.stream().anyMatch(e -> messageId.equals(e.messageId()))
                || results.evaluatedBefore(process.id(), null, messageId, nonce);
    }

    private void apply(EvalMessage message, String deepHash, boolean isAssignment) {
        Duration deadline = settings.bounds().evalTimeout();
        String key = message.timestamp() + "/" + message.ordinate() + "/" + message.cron();
        if (key.equals(timedOut) && System.nanoTime() - timedOutUntilNanos < 0) {
            throw timedOut(message, deadline);
        }
        // The memory the last request left is about to change; if it was not hashed while idle, it never will be,
        // and that evaluation's attestation states no memory hash.
        pendingHash = null;
        Outcome outcome;
        try {
            outcome = runtime.handle(message.toMsg(), env, deadline);
        } catch (ProcessRuntime.DeadlinePassed e) {
            // Not stored as an Error: a faster machine might finish it, and a stored result is forever.
            timedOut = key;
            timedOutUntilNanos = System.nanoTime() + settings.bounds().timedOutRetryAfter().toNanos();
            LOG.warnf("process %s: message %s (nonce %d) ran past its %d ms deadline; nothing stored", process.id(),
                    message.messageId(), message.ordinate(), deadline.toMillis());
            throw timedOut(message, deadline);
        }
        ObjectNode result = ResultJson.of(outcome.result());
        boolean error = outcome.failed();
        if (settings.hashEveryMessage()) {
            memorySha = runtime.memorySha256();
        } else if (!error) {
            memorySha = null; // unknown until hashed (at the end of the request or at a checkpoint)
        }
        position = message.position(position);
        long nonce = message instanceof ScheduledMessage scheduled ? scheduled.nonce() : -1;
        lastApplied = new Evaluation(process.id(), message.timestamp(), message.ordinate(), message.cron(),
                message.messageId(), nonce, position.epoch(), message.blockHeight(), deepHash, isAssignment, error,
                result.toString(), memorySha);
        unsaved.add(lastApplied);
        if (deepHash != null) {
            unsavedDeepHashes.add(deepHash);
        }
        if (unsaved.size() >= SAVE_BATCH) {
            flush();
        }
        sinceCheckpoint++;
        if (settings.checkpointEvery() > 0 && sinceCheckpoint >= settings.checkpointEvery()) {
            checkpoint();
        }
    }

    private CuException timedOut(EvalMessage message, Duration deadline) {
        return CuException.busy("message " + message.messageId() + " (nonce " + message.ordinate() + ") of process "
                + process.id() + " did not finish within " + deadline.toMillis() + " ms (ao4j.cu.eval-timeout);"
                + " nothing was stored and the process stays before it", settings.bounds().timedOutRetryAfter());
    }

    private void flush() {
        if (!unsaved.isEmpty()) {
            results.saveAll(List.copyOf(unsaved));
            unsaved.clear();
            unsavedDeepHashes.clear();
        }
    }

    private void checkpoint() {
        flush();
        String sha = memorySha != null ? memorySha : runtime.memorySha256();
        recordPendingHash(sha);
        String id = checkpoints.write(process.id(), moduleId, position, lastMessageId, runtime.image(), sha);
        LOG.debugf("process %s: checkpoint %s at nonce %d", process.id(), id, position.ordinate());
        sinceCheckpoint = 0;
    }

    // ---- loading

    private void load() {
        if (runtime != null) {
            return;
        }
        ProcessRuntime fresh = instances.get();
        try {
            var checkpoint = checkpoints.newest(process.id());
            if (checkpoint.isPresent() && restores(fresh, checkpoint.get())) {
                position = checkpoint.get().position();
                lastMessageId = checkpoint.get().messageId();
                memorySha = checkpoint.get().memorySha256();
                LOG.debugf("process %s: restored checkpoint %s at nonce %d", process.id(), checkpoint.get().id(),
                        position.ordinate());
            } else {
                if (checkpoint.isPresent()) {
                    fresh.close();
                    fresh = instances.get();
                }
                position = Position.START;
                lastMessageId = null;
                memorySha = null;
            }
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        runtime = fresh;
        sinceCheckpoint = 0;
    }

    /** Restores the checkpoint and checks the memory against its SHA-256 tag; false when they differ. */
    private boolean restores(ProcessRuntime fresh, CheckpointStore.Checkpoint checkpoint) {
        fresh.restore(checkpoint.image());
        if (checkpoint.memorySha256() == null) {
            return true;
        }
        String actual = fresh.memorySha256();
        if (actual.equals(checkpoint.memorySha256())) {
            return true;
        }
        LOG.warnf("process %s: checkpoint %s restores memory with SHA-256 %s, its tag says %s; evaluating from the start",
                process.id(), checkpoint.id(), actual, checkpoint.memorySha256());
        return false;
    }

    private void closeRuntime() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
