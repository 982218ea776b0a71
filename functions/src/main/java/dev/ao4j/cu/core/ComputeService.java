package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.cu.port.Attestor;
import dev.ao4j.cu.port.BlockSource;
import dev.ao4j.cu.port.CheckpointStore;
import dev.ao4j.cu.port.ItemCrypto;
import dev.ao4j.cu.port.ModuleRuntime;
import dev.ao4j.cu.port.ModuleSource;
import dev.ao4j.cu.port.ResultStore.Bound;
import dev.ao4j.cu.port.ResultStore.Evaluation;
import dev.ao4j.cu.port.ResultStore;
import dev.ao4j.cu.port.SchedulerDirectory;
import dev.ao4j.cu.port.SuClient;
import dev.ao4j.cu.port.TransactionSource;
import dev.ao4j.protocol.ProcessMeta;
import dev.ao4j.protocol.SlotTags;
import dev.ao4j.protocol.SuWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The CU's use cases (AO-PROTOCOL §4): results of messages, result listings, cron results, dry-runs, state,
 * attestations. Each process gets one {@link ProcessEvaluator}; different processes evaluate in parallel.
 * Idle processes are checkpointed and dropped from memory.
 */
public final class ComputeService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ComputeService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int DEFAULT_RESULTS_LIMIT = 25;
    public static final int DEFAULT_CRON_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;
    private static final java.time.Duration RETRY_WHEN_BUSY = java.time.Duration.ofSeconds(2);

    private final SchedulerDirectory schedulers;
    private final ModuleSource modules;
    private final ModuleRuntime runtime;
    private final ResultStore results;
    private final CheckpointStore checkpoints;
    private final BlockSource blocks;
    private final ItemCrypto crypto;
    private final TransactionSource transactions;
    private final Attestor attestor;
    private final CuSettings settings;
    private final LongSupplier clock;
    private final Map<String, ProcessEvaluator> evaluators = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    /**
     * Evaluations run on platform threads with a deep stack (aos recurses deeply inside the wasm engine),
     * whatever thread asked — HTTP requests arrive on virtual threads. A fixed number of them, with a bounded
     * queue: past it a request is refused with 503 rather than given another 64 MiB stack.
     */
    private final ThreadPoolExecutor evaluationThreads;
    private static final long EVALUATION_STACK_BYTES = 64L << 20;
    /** The warm-up evaluates only after the CU has had no evaluation request this long. */
    private static final long WARM_UP_QUIET_NANOS = 1_000_000_000L;
    private volatile long lastRequestNanos = System.nanoTime();
    private volatile JitWarmUp warmUp;

    public ComputeService(SchedulerDirectory schedulers, ModuleSource modules, ModuleRuntime runtime, ResultStore results,
                          CheckpointStore checkpoints, BlockSource blocks, ItemCrypto crypto, TransactionSource transactions,
                          Attestor attestor, CuSettings settings, LongSupplier clock) {
        this.schedulers = schedulers;
        this.modules = modules;
        this.runtime = runtime;
        this.results = results;
        this.checkpoints = checkpoints;
        this.blocks = blocks;
        this.crypto = crypto;
        this.transactions = transactions;
        this.attestor = attestor;
        this.settings = settings;
        this.clock = clock;
        CuSettings.Bounds bounds = settings.bounds();
        this.evaluationThreads = new ThreadPoolExecutor(bounds.evaluationThreads(), bounds.evaluationThreads(),
                30, TimeUnit.SECONDS, bounds.evaluationQueue() == 0 ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(bounds.evaluationQueue()),
                Thread.ofPlatform().name("cu-eval-", 0).stackSize(EVALUATION_STACK_BYTES).factory());
        evaluationThreads.allowCoreThreadTimeOut(true);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cu-idle").factory());
        long period = Math.max(100, Math.min(settings.idleTimeout().toMillis(), settings.hibernateAfter().toMillis()) / 4);
        sweeper.scheduleWithFixedDelay(this::evictIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** {@code GET /}: {@code {address, timestamp}}. */
    public ObjectNode info() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("address", attestor.address());
        node.put("timestamp", clock.getAsLong());
        return node;
    }

    /** {@code GET /result/{message}?process-id=}: evaluates up to the message if needed. */
    public JsonNode result(String messageId, String processId) {
        requireId(processId, "process-id");
        requireId(messageId, "message id");
        var stored = results.byMessage(processId, messageId);
        if (stored.isPresent()) {
            return ResultJson.of(parse(stored.get().result())); // results stored by older versions get the shape too
        }
        evaluate(processId, slotOf(processId, messageId));
        return results.byMessage(processId, messageId).map(e -> ResultJson.of(parse(e.result()))).orElseThrow(() ->
                CuException.notFound("message " + messageId + " of process " + processId
                        + " was not evaluated: it repeats a message evaluated before"));
    }

    /** {@code GET /results/{process}}: evaluated, non-error results, paged by cursor. */
    public ObjectNode results(String processId, String from, String to, String sort, Integer limit) {
        requireId(processId, "process id");
        boolean descending = "DESC".equalsIgnoreCase(sort);
        int size = limit(limit, DEFAULT_RESULTS_LIMIT);
        List<Evaluation> page = results.range(processId, ResultsCursor.decode(from, "from"), ResultsCursor.decode(to, "to"),
                descending, size + 1, false, false);
        return edges(page, size, descending ? "DESC" : "ASC", true);
    }

    /** {@code GET /cron/{process}}: evaluates up to {@code to} (or now) and lists cron results, ascending. */
    public ObjectNode cron(String processId, String from, String to, Integer limit) {
        requireId(processId, "process id");
        Bound toBound = ResultsCursor.decode(to, "to");
        evaluate(processId, toBound == null ? Target.LATEST : new Target.Slot(toBound.timestamp(), Long.MAX_VALUE));
        int size = limit(limit, DEFAULT_CRON_LIMIT);
        List<Evaluation> page = results.range(processId, ResultsCursor.decode(from, "from"), toBound, false, size + 1,
                true, true);
        return edges(page, size, "ASC", false);
    }

    /** What {@code GET /state} serves: the raw memory and where it stands. */
    public ProcessEvaluator.State state(String processId, String to) {
        requireId(processId, "process id");
        Bound toBound = ResultsCursor.decode(to, "to");
        Target target = toBound == null ? Target.LATEST : new Target.Slot(toBound.timestamp(), Long.MAX_VALUE);
        return withEvaluator(processId, evaluator -> evaluator.state(target, settings.bounds().maxStateBytes()));
    }

    /** SHA-256 (hex) of the process memory after evaluating up to the target: what attestations and checkpoints state. */
    public String memorySha256(String processId, Target target) {
        requireId(processId, "process id");
        return withEvaluator(processId, evaluator -> evaluator.memorySha256(target));
    }

    /** {@code POST /dry-run}: evaluates the body as a Read-Only message on top of the latest state; stores nothing. */
    public JsonNode dryRun(String processId, String toMessage, JsonNode body) {
        requireId(processId, "process-id");
        if (body == null || !body.isObject()) {
            throw CuException.invalid("the dry-run body must be a JSON object {Id, Target, Owner, Anchor, Data, Tags}");
        }
        Target target = toMessage == null || toMessage.isBlank() ? Target.LATEST : slotOf(processId, toMessage);
        return withEvaluator(processId, evaluator -> evaluator.dryRun(target, position -> DryRunMessage.of(body, position)));
    }

    /** {@code GET /result/{message}/attestation}: the CU's signed statement about a stored result. */
    public JsonNode attestation(String messageId, String processId) {
        requireId(processId, "process-id");
        Evaluation evaluation = results.byMessage(processId, messageId).orElseThrow(() ->
                CuException.notFound("no result for message " + messageId + " of process " + processId + " yet"));
        if (evaluation.memorySha256() == null && settlePendingHash(processId)) {
            evaluation = results.byMessage(processId, messageId).orElseThrow();
        }
        var cached = results.attestation(processId, evaluation.timestamp(), evaluation.ordinate(), evaluation.cron());
        if (cached.isPresent()) {
            return parse(new String(cached.get(), StandardCharsets.UTF_8));
        }
        Attestor.Attestation signed = attestor.attest(evaluation);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", signed.id());
        node.put("unit", attestor.address());
        node.put("process", evaluation.processId());
        node.put("message", evaluation.messageId());
        node.put("nonce", evaluation.nonce());
        node.put("timestamp", evaluation.timestamp());
        node.put("blockHeight", evaluation.blockHeight());
        node.put("memorySha256", evaluation.memorySha256());
        node.put("resultSha256", evaluation.resultSha256());
        node.put("item", Base64Url.encode(signed.raw()));
        results.saveAttestation(processId, evaluation.timestamp(), evaluation.ordinate(), evaluation.cron(),
                node.toString().getBytes(StandardCharsets.UTF_8));
        return node;
    }

    /** Evaluates the process up to the target (the newest state when {@link Target#LATEST}). */
    public Position evaluate(String processId, Target target) {
        return withEvaluator(processId, evaluator -> evaluator.evaluate(target));
    }

    /** Checkpoints every loaded process that changed since its last checkpoint. */
    public int checkpointAll() {
        int written = 0;
        for (ProcessEvaluator evaluator : evaluators.values()) {
            try {
                written += evaluator.checkpointIfDirty() ? 1 : 0;
            } catch (ProcessEvaluator.Evicted e) {
                // dropped meanwhile, after its own checkpoint
            }
        }
        return written;
    }

    /** Checkpoints and drops every process from memory. */
    public void evictAll() {
        for (String processId : List.copyOf(evaluators.keySet())) {
            ProcessEvaluator evaluator = evaluators.remove(processId);
            if (evaluator != null) {
                evaluator.evict();
            }
        }
    }

    public int loadedProcesses() {
        return evaluators.size();
    }

    /**
     * Cancels the evaluations running now, so nothing holds a stop: their requests end with 503 and what they
     * evaluated before is stored. Call before {@link #evictAll()} on the way down.
     */
    public void cancelRunning() {
        for (ProcessEvaluator evaluator : evaluators.values()) {
            evaluator.cancel();
        }
    }

    /**
     * Starts warming the JIT up on {@code moduleId} in the background (docs/cu.md, "JIT warm-up"): a scratch process
     * of that module evaluates whenever this CU is idle, until the compiler has caught up or for at most {@code limit}
     * of evaluation. One warm-up at a time; a second call while one runs is ignored.
     *
     * @throws CuException when the module is unknown or this CU cannot run it
     */
    public synchronized JitWarmUp warmUp(String moduleId, java.time.Duration limit) {
        if (warmUp != null && warmUp.progress().state() == JitWarmUp.State.RUNNING) {
            return warmUp;
        }
        ModuleMeta module = modules.meta(moduleId).orElseThrow(() -> CuException.notFound("module " + moduleId + " not found"));
        ModuleRuntime.ModuleSpec spec = withBinary(admittedSpec(JitWarmUp.scratchProcess(moduleId), module));
        warmUp = new JitWarmUp(runtime, spec, module, this::idleForWarmUp, limit);
        Thread.ofPlatform().daemon().name("cu-jit-warm-up").stackSize(EVALUATION_STACK_BYTES).start(warmUp);
        return warmUp;
    }

    private boolean idleForWarmUp() {
        return evaluationThreads.getActiveCount() == 0 && System.nanoTime() - lastRequestNanos >= WARM_UP_QUIET_NANOS;
    }

    @Override
    public void close() {
        if (warmUp != null) {
            warmUp.stop();
        }
        sweeper.shutdownNow();
        evaluationThreads.shutdown();
        for (ProcessEvaluator evaluator : evaluators.values()) {
            evaluator.close();
        }
        evaluators.clear();
    }

    // ----

    private <T> T withEvaluator(String processId, Function<ProcessEvaluator, T> action) {
        lastRequestNanos = System.nanoTime();
        Future<T> result;
        try {
            result = evaluationThreads.submit(() -> withEvaluatorHere(processId, action));
        } catch (RejectedExecutionException e) {
            throw CuException.busy("the CU is evaluating as much as it may (ao4j.cu.evaluation-threads and"
                    + " ao4j.cu.evaluation-queue); retry later", RETRY_WHEN_BUSY);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw CuException.unavailable("interrupted while evaluating process " + processId, e);
        } finally {
            lastRequestNanos = System.nanoTime();
        }
    }

    private <T> T withEvaluatorHere(String processId, Function<ProcessEvaluator, T> action) {
        for (int attempt = 0; ; attempt++) {
            ProcessEvaluator evaluator = evaluators.computeIfAbsent(processId, this::open);
            try {
                T answer = action.apply(evaluator);
                hashAfterAnswer(evaluator);
                keepWithinMemoryBudget(evaluator);
                return answer;
            } catch (ProcessEvaluator.Evicted e) {
                evaluators.remove(processId, evaluator);
                if (attempt > 3) {
                    throw CuException.unavailable("process " + processId + " keeps being evicted; retry", e);
                }
            }
        }
    }

    /**
     * The memory hash of a request's last evaluation is taken after the request is answered, once the process has
     * been quiet for {@code idleHashAfter}, on another thread, and gives way to the process's next request
     * (docs/cu.md, "Memory hash"). A later request schedules its own hash, so a busy process hashes nothing.
     */
    private void hashAfterAnswer(ProcessEvaluator evaluator) {
        if (!evaluator.hasPendingHash()) {
            return;
        }
        long quietNanos = settings.idleHashAfter().toNanos();
        try {
            sweeper.schedule(() -> {
                if (evaluator.idleNanos() >= quietNanos && !evaluator.busy()) {
                    hashWhileIdle(evaluator);
                }
            }, quietNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing: the hash stays pending (an attestation or a checkpoint takes it, or it is dropped)
        }
    }

    private void hashWhileIdle(ProcessEvaluator evaluator) {
        try {
            evaluationThreads.execute(() -> {
                try {
                    evaluator.hashPendingWhileIdle();
                } catch (ProcessEvaluator.Evicted e) {
                    // evicted meanwhile: eviction hashed it
                } catch (RuntimeException e) {
                    LOG.warnf(e, "hashing the memory of process %s failed", evaluator.process().id());
                }
            });
        } catch (RejectedExecutionException e) {
            // closing, or busy: the hash stays pending (an attestation or a checkpoint takes it, or it is dropped)
        }
    }

    /** Waits for a loaded process's pending memory hash; answers whether there was a loaded evaluator. */
    private boolean settlePendingHash(String processId) {
        ProcessEvaluator evaluator = evaluators.get(processId);
        if (evaluator == null) {
            return false;
        }
        try {
            evaluator.hashPending();
        } catch (ProcessEvaluator.Evicted e) {
            // evicted meanwhile: eviction hashed it
        }
        return true;
    }

    private ProcessEvaluator open(String processId) {
        SuClient su = schedulers.forProcess(processId);
        ProcessMeta process = SuWire.process(su.process(processId).orElseThrow(() ->
                CuException.notFound("process " + processId + " not found on its scheduler")));
        String moduleId = process.moduleId();
        ModuleMeta module = modules.meta(moduleId).orElseThrow(() ->
                CuException.notFound("module " + moduleId + " of process " + processId + " not found"));
        ModuleRuntime.ModuleSpec spec = admittedSpec(process, module);
        String scheduler = process.tag("Scheduler").orElseThrow(() ->
                CuException.unprocessable("process " + processId + " names no Scheduler"));
        return new ProcessEvaluator(process, module, new LogReader(processId, scheduler, crypto, transactions), su, results,
                checkpoints, blocks, () -> runtime.instantiate(withBinary(spec)), settings);
    }

    /** The module as {@code process} runs it, once admitted ({@link Admission}); its binary is read when needed. */
    private ModuleRuntime.ModuleSpec admittedSpec(ProcessMeta process, ModuleMeta module) {
        Admission.Limits limits = Admission.admit(process, module, settings, runtime.supports(module.format()));
        return new ModuleRuntime.ModuleSpec(module.id(), null, limits.format(), limits.memoryLimit(), limits.computeLimit());
    }

    private ModuleRuntime.ModuleSpec withBinary(ModuleRuntime.ModuleSpec spec) {
        return new ModuleRuntime.ModuleSpec(spec.moduleId(), modules.binary(spec.moduleId()), spec.format(),
                spec.memoryLimit(), spec.computeLimit());
    }

    private Target.Slot slotOf(String processId, String messageId) {
        SuClient su = schedulers.forProcess(processId);
        if (messageId.equals(processId)) {
            ProcessMeta process = SuWire.process(su.process(processId).orElseThrow(() ->
                    CuException.notFound("process " + processId + " not found on its scheduler")));
            return new Target.Slot(process.timestamp(), 0);
        }
        JsonNode message = su.message(processId, messageId).orElseThrow(() ->
                CuException.notFound("message " + messageId + " not found in process " + processId + " on its scheduler"));
        SlotTags slot = SuWire.slot(message, "message " + messageId);
        return new Target.Slot(slot.timestamp(), slot.nonce());
    }

    /**
     * Unloads the least recently used processes (checkpointed first) while the loaded memory is over the budget;
     * processes being evaluated, and the one just used, stay.
     */
    private void keepWithinMemoryBudget(ProcessEvaluator justUsed) {
        long budget = settings.bounds().loadedMemoryBytes();
        long loaded = evaluators.values().stream().mapToLong(ProcessEvaluator::loadedBytes).sum();
        if (loaded <= budget) {
            return;
        }
        List<Map.Entry<String, ProcessEvaluator>> oldestFirst = evaluators.entrySet().stream()
                .filter(entry -> entry.getValue() != justUsed)
                .sorted(Comparator.comparingLong((Map.Entry<String, ProcessEvaluator> entry) -> entry.getValue().idleNanos())
                        .reversed())
                .toList();
        for (Map.Entry<String, ProcessEvaluator> entry : oldestFirst) {
            if (loaded <= budget) {
                return;
            }
            long bytes = entry.getValue().loadedBytes();
            try {
                if (entry.getValue().tryEvict()) {
                    evaluators.remove(entry.getKey(), entry.getValue());
                    loaded -= bytes;
                    LOG.debugf("process %s unloaded: the loaded memory was over %d bytes", entry.getKey(), budget);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "unloading process %s failed", entry.getKey());
            }
        }
    }

    /** Unloads processes idle past {@code idleTimeout} (checkpointed first); hibernates those past {@code hibernateAfter}. */
    private void evictIdle() {
        long idle = settings.idleTimeout().toNanos();
        long hibernate = settings.hibernateAfter().toNanos();
        for (Map.Entry<String, ProcessEvaluator> entry : evaluators.entrySet()) {
            ProcessEvaluator evaluator = entry.getValue();
            long idleNanos = evaluator.idleNanos();
            try {
                if (idleNanos >= idle) {
                    if (evaluator.tryEvict()) {
                        evaluators.remove(entry.getKey(), evaluator);
                        LOG.debugf("process %s idle: checkpointed and unloaded", entry.getKey());
                    }
                } else if (idleNanos >= hibernate) {
                    evaluator.tryHibernate();
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "unloading idle process %s failed", entry.getKey());
            }
        }
    }

    private ObjectNode edges(List<Evaluation> rows, int size, String sort, boolean camelPageInfo) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        boolean more = rows.size() > size;
        ArrayNode edges = JsonNodeFactory.instance.arrayNode();
        for (Evaluation row : more ? rows.subList(0, size) : rows) {
            ObjectNode edge = edges.addObject();
            edge.put("cursor", ResultsCursor.encode(row.timestamp(), row.ordinate(), row.cron(), sort));
            edge.set("node", ResultJson.pageNode(parse(row.result())));
        }
        node.putObject("pageInfo").put("hasNextPage", more);
        node.set("edges", edges);
        return node;
    }

    private static int limit(Integer limit, int fallback) {
        if (limit == null) {
            return fallback;
        }
        if (limit <= 0) {
            throw CuException.invalid("limit must be positive");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    private static void requireId(String id, String what) {
        if (!Base64Url.isId(id)) {
            throw CuException.invalid(what + " must be a 43-character id, not '" + id + "'");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored result is not JSON: " + e.getMessage(), e);
        }
    }
}
