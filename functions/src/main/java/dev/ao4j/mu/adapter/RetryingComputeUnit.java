package dev.ao4j.mu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.port.ComputeUnit;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A CU asked again, with a doubling wait, while it cannot answer yet: still computing (202), busy or unreachable
 * (5xx), or not knowing the message yet (404, when its view of the SU lags). AO's MU does the same. After the last
 * try the step fails and the queue retries it later. Wraps the CU in this JVM and CUs over HTTP alike.
 */
public final class RetryingComputeUnit implements ComputeUnit {
    private static final Logger LOG = Logger.getLogger(RetryingComputeUnit.class);

    private final ComputeUnit cu;
    private final int attempts;
    private final Duration firstBackoff;

    public RetryingComputeUnit(ComputeUnit cu, int attempts, Duration firstBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + attempts);
        }
        this.cu = cu;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public JsonNode result(String messageId, String processId) {
        return retry("result " + messageId, () -> cu.result(messageId, processId));
    }

    @Override
    public Optional<String> latestCursor(String processId) {
        return retry("latest result of " + processId, () -> cu.latestCursor(processId));
    }

    @Override
    public JsonNode cron(String processId, String fromCursor, int limit) {
        return retry("crons of " + processId, () -> cu.cron(processId, fromCursor, limit));
    }

    private <T> T retry(String what, Supplier<T> call) {
        long wait = firstBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (MuException e) {
                if (attempt >= attempts || !(e.transientFailure() || e.status() == 404)) {
                    throw e;
                }
                LOG.debugf("CU %s: %s; asking again in %d ms", what, e.getMessage(), wait);
                sleep(wait);
                wait *= 2;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MuException.unavailable("interrupted while waiting for the CU", e);
        }
    }
}
