package dev.ao4j.node;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.core.ProcessRecord;
import dev.ao4j.mu.core.Receipt;
import dev.ao4j.mu.port.Schedulers;
import dev.ao4j.protocol.VerifiedItem;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.SchedulingException;
import dev.ao4j.su.core.Slot;
import java.util.List;
import java.util.Optional;

/**
 * The MU's SUs on one node: the SU in this JVM is called directly, with no HTTP and no JSON in between; every
 * other SU is reached through {@code remote} (HTTP, located by its Scheduler-Location). Refusals keep the status the
 * SU's HTTP API would answer. It lives in the composition root because it joins two units.
 */
public class InProcessSchedulers implements Schedulers {
    private final SchedulerService local;
    private final Schedulers remote;

    public InProcessSchedulers(SchedulerService local, Schedulers remote) {
        this.local = local;
        this.remote = remote;
    }

    /** Only the SU in this JVM: a process it does not know is not found (benchmarks and tests). */
    public InProcessSchedulers(SchedulerService local) {
        this(local, NONE);
    }

    @Override
    public Optional<ProcessRecord> process(String processId) {
        Optional<Slot> slot = local.process(processId);
        return slot.isPresent() ? Optional.of(record(processId, slot.get())) : remote.process(processId);
    }

    @Override
    public Receipt push(String schedulerAddress, byte[] item) {
        if (!schedulerAddress.equals(local.address())) {
            return remote.push(schedulerAddress, item);
        }
        Slot slot = call(() -> local.accept(item));
        return new Receipt(slot.messageId(), slot.timestamp());
    }

    @Override
    public Receipt push(String schedulerAddress, VerifiedItem item) {
        if (!schedulerAddress.equals(local.address())) {
            return remote.push(schedulerAddress, item);
        }
        Slot slot = call(() -> local.accept(item));
        return new Receipt(slot.messageId(), slot.timestamp());
    }

    @Override
    public Receipt assign(String processId, String transactionId, boolean baseLayer, List<String> exclude) {
        if (local.process(processId).isEmpty()) {
            return remote.assign(processId, transactionId, baseLayer, exclude);
        }
        Slot slot = call(() -> local.assign(processId, transactionId, baseLayer, exclude));
        return new Receipt(slot.assignmentId(), slot.timestamp());
    }

    private static ProcessRecord record(String processId, Slot slot) {
        try {
            DataItem item = DataItem.parse(slot.message());
            return new ProcessRecord(processId, item.tag("Scheduler").orElse(null), item.tag("Module").orElse(null),
                    item.tags(), item.ownerAddress());
        } catch (Ans104Exception e) {
            throw new IllegalStateException("the SU log holds an unreadable process item " + processId, e);
        }
    }

    private interface Write {
        Slot run() throws SchedulingException;
    }

    /** The statuses the SU's HTTP API answers for the same refusals. */
    private static Slot call(Write write) {
        try {
            return write.run();
        } catch (SchedulingException e) {
            throw new MuException(switch (e.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case TOO_LARGE -> 413;
                case UNAVAILABLE -> 503;
            }, e.getMessage(), e);
        }
    }

    private static final Schedulers NONE = new Schedulers() {
        @Override
        public Optional<ProcessRecord> process(String processId) {
            return Optional.empty();
        }

        @Override
        public Receipt push(String schedulerAddress, byte[] item) {
            throw MuException.badRequest("scheduler " + schedulerAddress + " is not this node's SU");
        }

        @Override
        public Receipt assign(String processId, String transactionId, boolean baseLayer, List<String> exclude) {
            throw MuException.notFound("process " + processId + " not found: no scheduler knows it");
        }
    };
}
