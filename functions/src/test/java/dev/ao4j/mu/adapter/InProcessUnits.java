package dev.ao4j.mu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.core.ProcessRecord;
import dev.ao4j.mu.core.Receipt;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.mu.port.Schedulers;
import dev.ao4j.protocol.ProtocolException;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.SchedulingException;
import dev.ao4j.su.core.Slot;
import java.util.List;
import java.util.Optional;

/**
 * The MU's SU and CU ports over units in the same JVM, called directly: for benchmarks and tests that run the
 * crank without an HTTP server. The node itself reaches its units over HTTP ({@link HttpSchedulers},
 * {@link HttpComputeUnit}).
 */
public final class InProcessUnits {
    private InProcessUnits() {}

    private interface Write {
        Slot run() throws SchedulingException;
    }

    public static class Su implements Schedulers {
        private final SchedulerService su;

        public Su(SchedulerService su) {
            this.su = su;
        }

        @Override
        public Optional<ProcessRecord> process(String processId) {
            return su.process(processId).map(slot -> {
                try {
                    DataItem item = DataItem.parse(slot.message());
                    return new ProcessRecord(processId, item.tag("Scheduler").orElse(null), item.tag("Module").orElse(null),
                            item.tags());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public Receipt push(String schedulerAddress, byte[] item) {
            Slot slot = call(() -> su.accept(item));
            return new Receipt(slot.messageId(), slot.timestamp());
        }

        @Override
        public Receipt assign(String processId, String transactionId, boolean baseLayer, List<String> exclude) {
            Slot slot = call(() -> su.assign(processId, transactionId, baseLayer, exclude));
            return new Receipt(slot.assignmentId(), slot.timestamp());
        }

        private static Slot call(Write write) {
            try {
                return write.run();
            } catch (SchedulingException e) {
                throw new MuException(switch (e.kind()) {
                    case INVALID -> 400;
                    case NOT_FOUND -> 404;
                    case TOO_LARGE -> 413;
                    case UNAVAILABLE -> 503;
                }, e.getMessage());
            }
        }
    }

    public static class Cu implements ComputeUnit {
        private final ComputeService cu;

        public Cu(ComputeService cu) {
            this.cu = cu;
        }

        @Override
        public JsonNode result(String messageId, String processId) {
            try {
                return cu.result(messageId, processId);
            } catch (CuException e) {
                throw new MuException(e.status(), e.getMessage());
            } catch (ProtocolException e) {
                throw new MuException(e.status(), e.getMessage());
            }
        }

        @Override
        public Optional<String> latestCursor(String processId) {
            JsonNode edges = cu.results(processId, null, null, "DESC", 1).path("edges");
            return edges.isEmpty() ? Optional.empty() : Optional.of(edges.get(0).path("cursor").asText());
        }

        @Override
        public JsonNode cron(String processId, String fromCursor, int limit) {
            return cu.cron(processId, fromCursor, null, limit);
        }
    }
}
