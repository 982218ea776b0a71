package dev.ao4j.mu.queue;

import java.time.Duration;

/**
 * Exponential backoff between deliveries of a failing task ({@code initialBackoff} doubling up to
 * {@code maxBackoff}); after {@code maxAttempts} deliveries the task is dead-lettered.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max, got " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** The wait after the given (1-based) failed delivery. */
    public Duration backoff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** True when this delivery was the last one allowed. */
    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }
}
