package dev.ao4j.testing;

import java.time.Duration;

/**
 * The tests' one way to wait: poll a condition until it holds or a deadline passes, then fail naming what was
 * awaited. Use it instead of a fixed sleep, so a test waits only as long as it must and cannot pass by luck.
 */
public final class Await {
    private static final Duration EVERY = Duration.ofMillis(50);

    /** A condition that may throw (HTTP calls, queries); an exception fails the wait at once. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {}

    /** Polls {@code condition} every 50 ms until it holds; fails with an AssertionError after {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) throws Exception {
        until(what, timeout, EVERY, condition);
    }

    /** Polls {@code condition} every {@code every} until it holds; fails with an AssertionError after {@code timeout}. */
    public static void until(String what, Duration timeout, Duration every, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(every.toMillis());
        }
    }
}
