package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.port.ModuleRuntime;
import dev.ao4j.cu.port.ProcessRuntime;
import dev.ao4j.protocol.ProcessMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Runs a module through a scratch process while the CU has nothing else to do, so that the JIT compiles the
 * module's hot code before users' messages need it (docs/cu.md, "JIT warm-up"). The workload is an aos handler
 * that counts and replies, with an Eval every {@value #EVAL_EVERY} messages. It pauses whenever the CU is not idle,
 * and ends once the compiler has caught up ({@link JitSettle}), after {@code limit} of its own running time, or when
 * stopped. Nothing of it is stored or signed: the process exists only in this object.
 */
public final class JitWarmUp implements Runnable {
    private static final Logger LOG = Logger.getLogger(JitWarmUp.class);
    static final int EVAL_EVERY = 50;
    private static final long PAUSE_MILLIS = 100;
    private static final String PROCESS = "ao4j-jit-warm-up-process-000000000000000000";
    private static final String OWNER = "ao4j-jit-warm-up-owner-00000000000000000000";
    private static final String HANDLER = """
            Count = Count or 0
            Handlers.add("warm-up", Handlers.utils.hasMatchingTag("Action", "Count"), function (msg)
              Count = Count + 1
              msg.reply({ Data = tostring(Count), Tags = { Counted = tostring(Count) } })
            end)
            return "ok\"""";

    /** How a warm-up ended; {@code RUNNING} until it does. */
    public enum State { RUNNING, SETTLED, LIMIT_REACHED, STOPPED, FAILED }

    /** What a warm-up has done so far: messages evaluated, and its running time (pauses excluded). */
    public record Progress(State state, long messages, Duration running) {}

    private final ModuleRuntime runtime;
    private final ModuleRuntime.ModuleSpec spec;
    private final ObjectNode env;
    private final List<Tag> processTags;
    private final BooleanSupplier idle;
    private final Duration limit;
    private final JitSettle settle;
    private final LongSupplier wallNanos;
    private volatile State state = State.RUNNING;
    private volatile long messages;
    private volatile long runningNanos;
    private volatile boolean stopped;
    private volatile ProcessRuntime instance;

    /**
     * @param spec  the module, with the limits its processes get
     * @param idle  true while the CU evaluates nothing and has had no request for a moment
     * @param limit the longest the warm-up may run, pauses excluded
     */
    public JitWarmUp(ModuleRuntime runtime, ModuleRuntime.ModuleSpec spec, ModuleMeta module, BooleanSupplier idle,
                     Duration limit) {
        this(runtime, spec, module, idle, limit, System::nanoTime);
    }

    JitWarmUp(ModuleRuntime runtime, ModuleRuntime.ModuleSpec spec, ModuleMeta module, BooleanSupplier idle,
              Duration limit, LongSupplier wallNanos) {
        this.runtime = runtime;
        this.spec = spec;
        this.idle = idle;
        this.limit = limit;
        this.wallNanos = wallNanos;
        this.settle = new JitSettle(runtime::compilerCpuNanos, wallNanos);
        ProcessMeta process = scratchProcess(module.id());
        this.processTags = process.tags();
        this.env = AoEnv.of(process, module);
    }

    /** The scratch process of a warm-up on {@code moduleId}, to be admitted as any process of the module is. */
    public static ProcessMeta scratchProcess(String moduleId) {
        return new ProcessMeta(PROCESS, OWNER, List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", moduleId), new Tag("Scheduler", OWNER)), 0, 0, null, null, null);
    }

    public Progress progress() {
        return new Progress(state, messages, Duration.ofNanos(runningNanos));
    }

    /** Ends the warm-up, also in the middle of a message. */
    public void stop() {
        stopped = true;
        ProcessRuntime running = instance;
        if (running != null) {
            running.cancel();
        }
    }

    @Override
    public void run() {
        try (ProcessRuntime process = runtime.instantiate(spec)) {
            instance = process;
            boolean paused = false;
            for (long nonce = 0; !stopped && runningNanos < limit.toNanos(); ) {
                if (!idle.getAsBoolean()) {
                    pause();
                    paused = true;
                    continue;
                }
                if (paused) {
                    settle.restart(); // a window in which users' messages ran says nothing of the workload
                    paused = false;
                }
                long started = wallNanos.getAsLong();
                evaluate(process, message(nonce));
                runningNanos += wallNanos.getAsLong() - started;
                nonce++;
                if (nonce == 2) {
                    settle.restart(); // the compiler is judged on the workload, not on aos's boot
                } else if (nonce > 2 && settle.settled()) {
                    state = State.SETTLED;
                    break;
                }
            }
            if (state == State.RUNNING) {
                state = stopped ? State.STOPPED : State.LIMIT_REACHED;
            }
        } catch (RuntimeException e) {
            state = stopped ? State.STOPPED : State.FAILED;
            if (!stopped) {
                LOG.warnf("JIT warm-up of module %s ended early: %s", spec.moduleId(), e.getMessage());
            }
        } finally {
            instance = null;
        }
        LOG.infof("JIT warm-up of module %s finished (%s): %d messages in %.1f s", spec.moduleId(),
                state.name().toLowerCase(java.util.Locale.ROOT), messages, runningNanos / 1e9);
    }

    private void evaluate(ProcessRuntime process, ObjectNode msg) {
        ProcessRuntime.Outcome outcome = process.handle(msg, env, Duration.ZERO);
        if (outcome.failed()) {
            throw new IllegalStateException("the module failed the warm-up message " + msg.path("Id").asText() + ": "
                    + outcome.result().path("Error"));
        }
        messages++;
    }

    /** While users' messages run, the warm-up waits. */
    private void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** The process itself, then the Eval that adds the handler, then the workload. */
    private ObjectNode message(long nonce) {
        if (nonce == 0) {
            return message(0, null, PROCESS, "");
        }
        if (nonce == 1) {
            return message(1, "Eval", "eval-1", HANDLER);
        }
        return nonce % EVAL_EVERY == 0 ? message(nonce, "Eval", "eval-" + nonce, "return Count")
                : message(nonce, "Count", "count-" + nonce, "");
    }

    /** A message as the SU would schedule it; nonce 0 is the process itself, as a process's first message. */
    private ObjectNode message(long nonce, String action, String id, String data) {
        List<Tag> tags = new ArrayList<>(nonce == 0 ? processTags : List.of());
        if (action != null) {
            tags.add(new Tag("Action", action));
        }
        boolean owner = nonce < 2 || "Eval".equals(action);
        String from = owner ? OWNER : "ao4j-jit-warm-up-user-000000000000000000000";
        return new ScheduledMessage(PROCESS, 0, nonce, 1_700_000_000_000L + nonce, 1_500_000, "", null,
                id.length() >= 43 ? id : (id + "-".repeat(43)).substring(0, 43), null, data, from, PROCESS, null, from,
                null, tags, false, null).toMsg();
    }
}
