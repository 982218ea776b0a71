package dev.ao4j.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.protocol.ProtocolException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MU's CU on one node: the CU in this JVM called directly. Refusals keep the status the CU's HTTP API would
 * answer, so a busy CU (503) is retried as over HTTP. It lives in the composition root because it joins two units.
 */
public class InProcessComputeUnit implements ComputeUnit {
    private final ComputeService cu;

    public InProcessComputeUnit(ComputeService cu) {
        this.cu = cu;
    }

    @Override
    public JsonNode result(String messageId, String processId) {
        return call(() -> cu.result(messageId, processId));
    }

    @Override
    public Optional<String> latestCursor(String processId) {
        JsonNode edges = call(() -> cu.results(processId, null, null, "DESC", 1)).path("edges");
        return edges.isEmpty() ? Optional.empty() : Optional.of(edges.get(0).path("cursor").asText());
    }

    @Override
    public JsonNode cron(String processId, String fromCursor, int limit) {
        return call(() -> cu.cron(processId, fromCursor, null, limit));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (CuException e) {
            throw new MuException(e.status(), e.getMessage(), e);
        } catch (ProtocolException e) {
            throw new MuException(e.status(), e.getMessage(), e);
        }
    }
}
