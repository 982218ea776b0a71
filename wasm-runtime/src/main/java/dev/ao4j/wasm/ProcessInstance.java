package dev.ao4j.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.jboss.logging.Logger;

/**
 * A live process: one instance of an {@link AoModule} whose linear memory is kept between messages (no copy
 * in or out per message). {@link #handle} evaluates one message as the reference loader does; a message that
 * fails (module error, trap, exit, memory limit) yields an Error result and leaves the memory as it was.
 *
 * <p>Failure recovery: the instance keeps a base copy of its memory and the messages evaluated since; on a
 * failure it restores the base and re-evaluates those messages (evaluation is deterministic). The base is
 * re-taken once the time spent evaluating since it exceeds sixteen times what a copy costs, so copying takes at
 * most a seventeenth of the time and a failure costs about seventeen copies' time (restore, then re-evaluation):
 * failures are rare (aos catches a handler's error itself), evaluations are not.
 *
 * <p>Not thread-safe: one message at a time (the methods are synchronized).
 */
public final class ProcessInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProcessInstance.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_REPLAY_LOG_BYTES = 64L << 20;
    /** Evaluation time since the base, in base copies, before a new base is taken (≤ 6% overhead). */
    private static final int BASE_COST_RATIO = 16;
    /** The Error of a message that ran past its Compute-Limit, as the reference loader's gas import throws it. */
    static final String OUT_OF_GAS = "Error: out of gas!";

    private final AoModule module;
    private final Limits limits;
    private final WeaveDrive drive;
    private final boolean weaveDriveEnabled;
    private Live live;
    /** Set while hibernating: the whole state, with no live instance ({@link #hibernate()}). */
    private MemoryImage hibernated;
    private MemoryImage base;
    private final List<String[]> sinceBase = new ArrayList<>();
    private long sinceBaseBytes;
    private long sinceBaseNanos;
    private long baseCostNanos;
    private boolean closed;
    /** The context was cancelled (timeout): the next reset must re-instantiate. */
    private boolean contextLost;
    /** {@link #cancel()} was called: the instance is being discarded, nothing is rolled back. */
    private volatile boolean cancelled;

    /** The polyglot objects of one instantiation. */
    private record Live(Context context, Value exports, LinearMemory memory, EmscriptenGlue glue,
                        Value handle, Value stackAlloc, Value stackGetCurrent, Value stackRestore, Gas gas) {}

    /** The gas exports of a metered module ({@link GasMetering}); absent for the other formats. */
    private record Gas(Value reset, Value read) {
        static Gas of(Value exports) {
            Value reset = exports.getMember(GasMetering.RESET);
            return reset == null ? null : new Gas(reset, exports.getMember(GasMetering.USED));
        }

        long used() {
            return read.execute().asLong();
        }
    }

    private ProcessInstance(AoModule module, Limits limits, WeaveDrive drive, boolean weaveDriveEnabled) {
        this.module = module;
        this.limits = limits;
        this.drive = drive;
        this.weaveDriveEnabled = weaveDriveEnabled;
    }

    /**
     * Instantiates the module and initialises its runtime as the reference glue does (stack, ctors); the first
     * message should be the process's own spawn message. {@code weaveDrive} serves the WeaveDrive files when
     * {@code weaveDriveEnabled} (the process has {@code Extension: WeaveDrive}).
     */
    public static ProcessInstance start(AoModule module, Limits limits, WeaveDrive weaveDrive, boolean weaveDriveEnabled)
            throws ModuleLoadException {
        ProcessInstance p = new ProcessInstance(module, limits, weaveDrive, weaveDriveEnabled);
        p.live = p.instantiate(FRESH_CLOCK);
        p.live.exports.getMember("__wasm_call_ctors").execute();
        return p;
    }

    /** {@link #start} without WeaveDrive. */
    public static ProcessInstance start(AoModule module, Limits limits) throws ModuleLoadException {
        return start(module, limits, WeaveDrive.NONE, false);
    }

    /** A process continuing from a {@link #snapshot()} of {@code module}. */
    public static ProcessInstance restore(AoModule module, Limits limits, WeaveDrive weaveDrive, boolean weaveDriveEnabled,
                                          byte[] snapshot) throws ModuleLoadException, SnapshotException {
        MemoryImage image = MemoryImage.decode(snapshot, module.format());
        ProcessInstance p = new ProcessInstance(module, limits, weaveDrive, weaveDriveEnabled);
        p.live = p.instantiate(image.clock());
        try {
            image.writeInto(p.live.memory);
        } catch (RuntimeException e) {
            p.close();
            throw new SnapshotException("the snapshot does not fit this module's memory: " + e.getMessage(), e);
        }
        return p;
    }

    /** Replaces this process's state with {@code snapshot} (made by {@link #snapshot()} of the same module). */
    /** The glue's clock when a fresh instance first calls {@code handle}. */
    private static final long FRESH_CLOCK = EmscriptenGlue.CLOCK_START + EmscriptenGlue.CLOCK_TICKS_AT_INIT;

    public synchronized void restore(byte[] snapshot) throws SnapshotException, InstanceFailedException {
        requireOpen();
        MemoryImage image = MemoryImage.decode(snapshot, module.format());
        if (hibernated != null) {
            hibernated = image;
        } else {
            resetTo(image);
        }
        base = null;
        sinceBase.clear();
        sinceBaseBytes = 0;
        sinceBaseNanos = 0;
    }

    private Live instantiate(long clock) throws ModuleLoadException {
        Context context = Context.newBuilder("wasm").engine(module.engine().polyglotEngine()).build();
        try {
            EmscriptenGlue glue = new EmscriptenGlue(module.format(), limits.memoryLimitBytes(),
                    new WeaveDriveFiles(drive, weaveDriveEnabled));
            glue.clock = clock;
            Value instance = context.eval(module.source()).newInstance(glue.imports());
            Value exports = instance.getMember("exports");
            Value memoryValue = exports.getMember("memory");
            Value ops = context.eval(module.memoryOpsSource())
                    .newInstance(org.graalvm.polyglot.proxy.ProxyObject.fromMap(java.util.Map.of("m",
                            org.graalvm.polyglot.proxy.ProxyObject.fromMap(java.util.Map.of("mem", memoryValue)))))
                    .getMember("exports");
            LinearMemory memory = new LinearMemory(memoryValue, ops, module.format().memory64());
            if (memory.size() > limits.memoryLimitBytes()) {
                context.close(true);
                throw new ModuleLoadException("the module declares " + memory.size() + " bytes of initial memory,"
                        + " above the Memory-Limit of " + limits.memoryLimitBytes(), null);
            }
            glue.bind(exports, memory);
            // emscripten's stack set-up and the stack cookies the reference glue writes.
            exports.getMember("emscripten_stack_init").execute();
            long end = pointer(exports.getMember("emscripten_stack_get_end").execute());
            if (end == 0) {
                end += 4;
            }
            memory.writeInt(end, 0x02135467);
            memory.writeInt(end + 4, 0x89BACDFE);
            memory.writeInt(0, 0x63736D65);
            return new Live(context, exports, memory, glue, exports.getMember("handle"),
                    exports.getMember("_emscripten_stack_alloc"), exports.getMember("emscripten_stack_get_current"),
                    exports.getMember("_emscripten_stack_restore"), Gas.of(exports));
        } catch (PolyglotException e) {
            context.close(true);
            throw new ModuleLoadException("cannot instantiate the module with the " + module.format().tagValue()
                    + " imports: " + e.getMessage(), e);
        }
    }

    private long pointer(Value v) {
        return module.format().memory64() ? v.asLong() : Integer.toUnsignedLong(v.asInt());
    }

    /**
     * Evaluates one message. {@code msg} and {@code env} are the msg and env objects of AO-PROTOCOL §4; they reach
     * the module as the reference loader's JSON.stringify writes them ({@link ReferenceJson}), byte for byte,
     * because those bytes stay in the memory. A failed evaluation returns a result with {@code Error} and leaves
     * the memory as it was.
     *
     * @throws InstanceFailedException when the instance is closed or its state could not be recovered
     */
    public HandleResult handle(JsonNode msg, JsonNode env) throws InstanceFailedException, EvaluationTimeoutException {
        return handle(msg, env, limits.evalTimeout());
    }

    /**
     * {@link #handle(JsonNode, JsonNode)} with its own wall-clock deadline ({@link Duration#ZERO}: none), e.g. a
     * tighter one for a dry-run.
     *
     * @throws EvaluationTimeoutException past the deadline; the memory and clock are as before the message
     */
    public HandleResult handle(JsonNode msg, JsonNode env, Duration deadline)
            throws InstanceFailedException, EvaluationTimeoutException {
        return handle(ReferenceJson.stringify(msg), ReferenceJson.stringify(env), deadline);
    }

    private synchronized HandleResult handle(String msgJson, String envJson, Duration deadline)
            throws InstanceFailedException, EvaluationTimeoutException {
        requireLive();
        if (base == null) {
            takeBase();
        }
        long started = System.nanoTime();
        long clockBefore = live.glue.clock;
        Outcome outcome = evaluate(msgJson, envJson, deadline);
        long elapsed = System.nanoTime() - started;
        if (!outcome.timedOut && !outcome.result.failed() && live.memory.size() > limits.memoryLimitBytes()) {
            // emscripten's resize import keeps aos within the limit; a module's own memory.grow does not ask it.
            outcome = new Outcome(HandleResult.failure("the memory grew to " + live.memory.size()
                    + " bytes, above the Memory-Limit of " + limits.memoryLimitBytes()));
        }
        if (outcome.timedOut && cancelled) {
            closeQuietly();
            throw new InstanceFailedException("the evaluation was cancelled: the instance is being discarded");
        }
        if (outcome.timedOut) {
            rollBack();
            live.glue.clock = clockBefore; // the message did not happen: nothing of it remains
            takeBase();
            throw new EvaluationTimeoutException(deadline);
        }
        if (outcome.result.failed()) {
            LOG.debugf("message failed (%s); restoring the memory from before it", outcome.result.error());
            rollBack();
            // AO's CU drops its loader instance after a failed message: the next message runs in a fresh one, on
            // the memory from before the failure, and the fresh glue's clock starts again.
            live.glue.clock = FRESH_CLOCK;
            takeBase();
            return outcome.result;
        }
        sinceBase.add(new String[] {msgJson, envJson});
        sinceBaseBytes += msgJson.length() + envJson.length();
        sinceBaseNanos += elapsed;
        if (sinceBaseNanos > BASE_COST_RATIO * baseCostNanos || sinceBaseBytes > MAX_REPLAY_LOG_BYTES) {
            takeBase();
        }
        return outcome.result;
    }

    /**
     * Cancels whatever this instance is evaluating, from any thread, and discards the instance: the evaluation ends
     * with {@link InstanceFailedException}. Used when the node stops, so no evaluation can hold the shutdown.
     */
    public void cancel() {
        cancelled = true;
        Live l = live;
        if (l != null) {
            l.context.close(true);
        }
    }

    private record Outcome(HandleResult result, boolean timedOut) {
        Outcome(HandleResult result) {
            this(result, false);
        }

        static final Outcome TIMED_OUT = new Outcome(null, true);
    }

    private Outcome evaluate(String msgJson, String envJson, Duration deadline) {
        Live l = live;
        ScheduledFuture<?> watchdog = deadline.isZero() ? null
                : WATCHDOG.schedule(() -> l.context.close(true), deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            // As the reference: the gas is refilled before the strings go on the stack, and counts until the stack is restored.
            if (l.gas != null) {
                l.gas.reset.execute(limits.computeLimit());
            }
            Value sp = l.stackGetCurrent.execute();
            long msgPtr = stringOnStack(l, msgJson);
            long envPtr = stringOnStack(l, envJson);
            l.glue.clearSuspension();
            Value returned = l.handle.execute(l.memory.address(msgPtr), l.memory.address(envPtr));
            while (l.glue.resumeIfSuspended()) {
                returned = l.handle.execute(l.memory.address(0), l.memory.address(0));
            }
            l.glue.messageEnded();
            long resultPtr = pointer(returned);
            String response = l.memory.cString(resultPtr);
            l.stackRestore.execute(sp);
            return new Outcome(parseResponse(response, l.gas == null ? 0L : l.gas.used()));
        } catch (PolyglotException e) {
            if (l.gas != null && !e.isCancelled() && Long.compareUnsigned(l.gas.used(), limits.computeLimit()) > 0) {
                return new Outcome(HandleResult.failure(OUT_OF_GAS));
            }
            if (e.isCancelled()) {
                contextLost = true;
                return Outcome.TIMED_OUT;
            }
            return new Outcome(HandleResult.failure(describe(e)));
        } catch (IllegalStateException e) {
            // The watchdog closed the context between two calls into it.
            contextLost = true;
            return Outcome.TIMED_OUT;
        } catch (StackOverflowError | OutOfMemoryError e) {
            return new Outcome(HandleResult.failure("the evaluation exhausted the host: " + e));
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /** Cancels evaluations past {@link Limits#evalTimeout()} by closing their context. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ao4j-wasm-watchdog");
                t.setDaemon(true);
                return t;
            });

    private long stringOnStack(Live l, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        long ptr = pointer(l.stackAlloc.execute(l.memory.address(bytes.length + 1L)));
        l.memory.write(ptr, bytes, 0, bytes.length);
        l.memory.writeByte(ptr + bytes.length, (byte) 0);
        return ptr;
    }

    /** The module answers {@code {"ok":bool,"response":{...}}}; ok:false is a failure, as the reference throws. */
    private HandleResult parseResponse(String response, long gasUsed) {
        JsonNode root;
        try {
            root = JSON.readTree(response);
        } catch (IOException e) {
            return HandleResult.failure("the module returned a response that is not JSON: " + abbreviate(response));
        }
        JsonNode body = root.path("response");
        if (!root.path("ok").asBoolean(false)) {
            JsonNode error = body.isObject() && body.has("Error") ? body.get("Error") : body;
            return new HandleResult(null, null, null, null,
                    error.isMissingNode() || error.isNull() ? JsonNodeFactory.instance.textNode("the module answered ok:false") : error, null);
        }
        return new HandleResult(field(body, "Output"), field(body, "Messages"), field(body, "Spawns"),
                field(body, "Assignments"), field(body, "Error"), gasUsed);
    }

    private static JsonNode field(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null ? null : v;
    }

    private static String describe(PolyglotException e) {
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            if (host instanceof GuestSignal signal) {
                return signal.getMessage();
            }
            return "host error in an import: " + host;
        }
        if (e.isResourceExhausted()) {
            return "resource exhausted: " + e.getMessage();
        }
        return "trap: " + e.getMessage();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private void takeBase() {
        long started = System.nanoTime();
        base = MemoryImage.capture(live.memory, live.glue.clock);
        baseCostNanos = System.nanoTime() - started;
        sinceBase.clear();
        sinceBaseBytes = 0;
        sinceBaseNanos = 0;
    }

    /**
     * Brings the memory back to the base and re-evaluates the messages since, in a fresh instance: a failed
     * message may have left the instance's own state (its stack pointer, after a trap) anywhere, and AO's CU
     * also continues in a fresh instance.
     */
    private void rollBack() throws InstanceFailedException {
        contextLost = true;
        resetTo(base);
        List<String[]> replay = List.copyOf(sinceBase);
        for (String[] m : replay) {
            // No deadline: each of these finished before, on this machine.
            Outcome o = evaluate(m[0], m[1], Duration.ZERO);
            if (o.timedOut || o.result.failed()) {
                closeQuietly();
                throw new InstanceFailedException("re-evaluation after a failure diverged: "
                        + (o.timedOut ? "cancelled" : o.result.error()));
            }
        }
    }

    private void resetTo(MemoryImage image) throws InstanceFailedException {
        // Memory cannot shrink: a grown memory is replaced by a fresh instance.
        if (contextLost || live.memory.size() != image.size()) {
            contextLost = false;
            Live old = live;
            try {
                live = instantiate(image.clock());
            } catch (ModuleLoadException e) {
                closeQuietly();
                throw new InstanceFailedException("cannot re-instantiate the module: " + e.getMessage(), e);
            }
            old.context.close(true);
        }
        live.glue.clock = image.clock();
        image.writeInto(live.memory);
    }

    /** The process memory and glue state, compressed; {@link #restore} continues from it. */
    public synchronized byte[] snapshot() throws InstanceFailedException {
        requireOpen();
        if (hibernated != null) {
            return hibernated.encode(module.format());
        }
        try {
            return MemoryImage.capture(live.memory, live.glue.clock).encode(module.format());
        } catch (PolyglotException e) {
            throw cancelledMeanwhile(e);
        }
    }

    /** Hex SHA-256 of the linear memory (as the Checkpoint {@code SHA-256} tag). */
    public synchronized String memorySha256() throws InstanceFailedException {
        return memorySha256(() -> false);
    }

    /**
     * {@link #memorySha256()}, or null when {@code abandon} answers true: it is asked between 64 KiB pages, so a
     * hash taken while nothing else needs the instance gives way within microseconds.
     */
    public synchronized String memorySha256(BooleanSupplier abandon) throws InstanceFailedException {
        requireOpen();
        if (hibernated != null) {
            return hibernated.sha256(abandon);
        }
        try {
            LinearMemory memory = live.memory;
            return MemoryDigest.sha256(memory.size(), (offset, into, length) -> memory.read(offset, into, 0, length),
                    abandon);
        } catch (PolyglotException e) {
            throw cancelledMeanwhile(e);
        }
    }

    /** The current size of the linear memory in bytes. */
    public synchronized long memorySize() throws InstanceFailedException {
        requireOpen();
        if (hibernated != null) {
            return hibernated.size();
        }
        try {
            return live.memory.size();
        } catch (PolyglotException e) {
            throw cancelledMeanwhile(e);
        }
    }

    /** {@link #cancel()} closed the context while this read it: the instance is gone, not the engine broken. */
    private InstanceFailedException cancelledMeanwhile(PolyglotException e) {
        if (!cancelled && !e.isCancelled()) {
            throw e;
        }
        closeQuietly();
        return new InstanceFailedException("the process instance was cancelled", e);
    }

    /**
     * Lets go of the live instance, whose linear memory is allocated and zero-filled whole, and keeps only the
     * pages the process has touched (aos 2.0.6: about 2 MB of its 110 MB). The next call that evaluates brings it
     * back in a fresh instance; snapshots, hashes and sizes are answered from the kept pages meanwhile.
     */
    public synchronized void hibernate() throws InstanceFailedException {
        requireOpen();
        if (hibernated != null) {
            return;
        }
        MemoryImage image;
        try {
            image = MemoryImage.capture(live.memory, live.glue.clock);
        } catch (PolyglotException e) {
            throw cancelledMeanwhile(e);
        }
        Live released = live;
        live = null;
        hibernated = image;
        base = image; // the failure-recovery base is the very state kept
        sinceBase.clear();
        sinceBaseBytes = 0;
        sinceBaseNanos = 0;
        contextLost = false;
        released.context.close(true);
    }

    /** Whether the instance is hibernating ({@link #hibernate()}). */
    public synchronized boolean hibernating() {
        return hibernated != null;
    }

    /** Bytes this instance holds: its whole linear memory while live, its touched pages while hibernating. */
    public synchronized long residentBytes() throws InstanceFailedException {
        return hibernated != null ? hibernated.residentBytes() : memorySize();
    }

    private void requireLive() throws InstanceFailedException {
        requireOpen();
        if (hibernated == null) {
            return;
        }
        try {
            live = instantiate(hibernated.clock());
        } catch (ModuleLoadException e) {
            closeQuietly();
            throw new InstanceFailedException("cannot bring the hibernating process back: " + e.getMessage(), e);
        }
        hibernated.writeInto(live.memory);
        hibernated = null;
    }

    public AoModule module() {
        return module;
    }

    private void requireOpen() throws InstanceFailedException {
        if (closed || cancelled) {
            throw new InstanceFailedException("the process instance is " + (closed ? "closed" : "cancelled"));
        }
    }

    private void closeQuietly() {
        closed = true;
        hibernated = null;
        if (live != null) {
            live.context.close(true);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closeQuietly();
        }
    }
}
