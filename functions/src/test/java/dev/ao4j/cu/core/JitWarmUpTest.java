package dev.ao4j.cu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.port.ModuleRuntime;
import dev.ao4j.cu.port.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The JIT warm-up on a scripted runtime: each message takes 100 ms of a fake clock, and the compiler is busy for as
 * long as the test says.
 */
class JitWarmUpTest {
    private static final long MESSAGE_NANOS = 100_000_000L;
    private static final ModuleMeta MODULE = new ModuleMeta("module-id", "module-owner",
            List.of(new Tag("Module-Format", "wasm64-unknown-emscripten-draft_2024_02_15")));

    private final AtomicLong wall = new AtomicLong();
    private final ScriptedRuntime runtime = new ScriptedRuntime();

    private JitWarmUp warmUp(BooleanSupplier idle, Duration limit) {
        ModuleRuntime.ModuleSpec spec = new ModuleRuntime.ModuleSpec("module-id", new byte[0], MODULE.format(), 1 << 30, 1);
        return new JitWarmUp(runtime, spec, MODULE, idle, limit, wall::get);
    }

    @Test
    void aScratchProcessBootsTakesTheHandlerAndRunsUntilTheCompilerHasCaughtUp() {
        runtime.compilerBusyFor = 100; // messages
        JitWarmUp warmUp = warmUp(() -> true, Duration.ofHours(1));
        warmUp.run();

        assertEquals(JitWarmUp.State.SETTLED, warmUp.progress().state());
        long messages = warmUp.progress().messages();
        assertTrue(messages > 100 && messages <= 100 + 2 + 2 * JitSettle.MIN_WINDOW_NANOS / MESSAGE_NANOS,
                "it stops within two windows of the compiler going quiet: " + messages);
        assertEquals(Duration.ofNanos(messages * MESSAGE_NANOS), warmUp.progress().running());

        JsonNode process = runtime.msgs.get(0);
        assertEquals(0, process.path("Nonce").asLong());
        assertTrue(process.path("Tags").toString().contains("\"Module\""), "the first message is the process, with its tags");
        assertEquals("module-id", runtime.envs.get(0).path("Module").path("Id").asText());
        assertEquals("Eval", action(runtime.msgs.get(1)));
        assertTrue(runtime.msgs.get(1).path("Data").asText().contains("Handlers.add"));
        assertEquals("Count", action(runtime.msgs.get(2)));
        assertEquals("Eval", action(runtime.msgs.get((int) JitWarmUp.EVAL_EVERY)), "an Eval now and then");
        for (int i = 0; i < runtime.msgs.size(); i++) {
            assertEquals(i, runtime.msgs.get(i).path("Nonce").asLong(), "nonces count up from the process's 0");
        }
        assertTrue(runtime.closed.get(), "the scratch process is let go");
    }

    @Test
    void aCompilerThatNeverCatchesUpEndsAtTheLimit() {
        runtime.compilerBusyFor = Long.MAX_VALUE;
        JitWarmUp warmUp = warmUp(() -> true, Duration.ofSeconds(30));
        warmUp.run();

        assertEquals(JitWarmUp.State.LIMIT_REACHED, warmUp.progress().state());
        assertEquals(300, warmUp.progress().messages(), "30 s of 100 ms messages");
        assertTrue(runtime.closed.get());
    }

    @Test
    void nothingIsEvaluatedWhileTheUnitIsBusyAndAStopEndsIt() throws Exception {
        AtomicBoolean idle = new AtomicBoolean(false);
        runtime.compilerBusyFor = Long.MAX_VALUE;
        JitWarmUp warmUp = warmUp(idle::get, Duration.ofHours(1));
        Thread thread = Thread.ofPlatform().start(warmUp);
        Thread.sleep(500);
        assertEquals(0, runtime.msgs.size(), "not even the boot while users' messages run");

        idle.set(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runtime.msgs.size() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(runtime.msgs.size() >= 10, "it goes on once the unit is idle");

        warmUp.stop();
        thread.join(Duration.ofSeconds(30));
        assertFalse(thread.isAlive());
        assertEquals(JitWarmUp.State.STOPPED, warmUp.progress().state());
        assertTrue(runtime.closed.get());
    }

    @Test
    void aModuleThatFailsTheWorkloadEndsTheWarmUp() {
        runtime.failEval = true;
        JitWarmUp warmUp = warmUp(() -> true, Duration.ofHours(1));
        warmUp.run();

        assertEquals(JitWarmUp.State.FAILED, warmUp.progress().state());
        assertEquals(1, warmUp.progress().messages(), "the process booted, its Eval failed");
        assertTrue(runtime.closed.get());
    }

    private static String action(JsonNode msg) {
        for (JsonNode tag : msg.path("Tags")) {
            if (tag.path("name").asText().equals("Action")) {
                return tag.path("value").asText();
            }
        }
        return null;
    }

    /** Advances the fake clock by 100 ms a message; the compiler works as long as the wall for the first N messages. */
    private final class ScriptedRuntime implements ModuleRuntime {
        final List<JsonNode> msgs = new CopyOnWriteArrayList<>();
        final List<JsonNode> envs = new CopyOnWriteArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicLong compiler = new AtomicLong();
        volatile long compilerBusyFor;
        volatile boolean failEval;

        @Override
        public boolean supports(String format) {
            return true;
        }

        @Override
        public long compilerCpuNanos() {
            return compiler.get();
        }

        @Override
        public ProcessRuntime instantiate(ModuleSpec spec) {
            return new ProcessRuntime() {
                @Override
                public Outcome handle(ObjectNode msg, ObjectNode env, Duration deadline) {
                    wall.addAndGet(MESSAGE_NANOS);
                    if (msgs.size() < compilerBusyFor) {
                        compiler.addAndGet(MESSAGE_NANOS);
                    }
                    msgs.add(msg);
                    envs.add(env);
                    boolean fail = failEval && "Eval".equals(action(msg));
                    return new Outcome(JsonNodeFactory.instance.objectNode().put("Error", fail ? "no" : null), fail);
                }

                @Override
                public void cancel() {
                }

                @Override
                public long memorySize() {
                    return 0;
                }

                @Override
                public long residentBytes() {
                    return 0;
                }

                @Override
                public void hibernate() {
                }

                @Override
                public Image image() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void restore(Image image) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public String memorySha256() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
        }
    }
}
