package dev.ao4j.cu.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The compiler counts as caught up only after a window of two seconds in which it used under a tenth of the time. */
class JitSettleTest {
    private final AtomicLong wall = new AtomicLong();
    private final AtomicLong compiler = new AtomicLong();
    private final JitSettle settle = new JitSettle(compiler::get, wall::get);

    @Test
    void aShortWindowSaysNothingEvenWithAnIdleCompiler() {
        wall.addAndGet(JitSettle.MIN_WINDOW_NANOS - 1);
        assertFalse(settle.settled());
    }

    @Test
    void aBusyCompilerIsNotSettledAndTheNextQuietWindowIs() {
        wall.addAndGet(JitSettle.MIN_WINDOW_NANOS);
        compiler.addAndGet(JitSettle.MIN_WINDOW_NANOS / 5);
        assertFalse(settle.settled(), "a fifth of the window compiling");

        wall.addAndGet(JitSettle.MIN_WINDOW_NANOS);
        compiler.addAndGet(JitSettle.MIN_WINDOW_NANOS / 20);
        assertTrue(settle.settled(), "a twentieth of the window compiling");
    }

    @Test
    void aRestartForgetsTheWorkBeforeIt() {
        compiler.addAndGet(JitSettle.MIN_WINDOW_NANOS);
        wall.addAndGet(JitSettle.MIN_WINDOW_NANOS);
        settle.restart();
        wall.addAndGet(JitSettle.MIN_WINDOW_NANOS);
        assertTrue(settle.settled());
    }

    @Test
    void anUnmeasuredCompilerNeverSettles() {
        JitSettle unmeasured = new JitSettle(() -> -1, wall::get);
        wall.addAndGet(10 * JitSettle.MIN_WINDOW_NANOS);
        assertFalse(unmeasured.settled());
    }
}
