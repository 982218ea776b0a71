package dev.ao4j.su.core;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.ItemStatus;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.metrics.UnitMetrics;
import dev.ao4j.protocol.AoItems;
import dev.ao4j.protocol.ProtocolException;
import dev.ao4j.protocol.VerifiedItem;
import dev.ao4j.su.core.ScheduleRequest.AssignExisting;
import dev.ao4j.su.core.ScheduleRequest.NewMessage;
import dev.ao4j.su.core.ScheduleRequest.NewProcess;
import dev.ao4j.su.core.SchedulingException.Kind;
import dev.ao4j.su.port.LogStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The SU's use cases: accept a signed item or an assignment into a process's log, and read the log back.
 * Everything is checked before anything is written, so a refused request leaves the log untouched.
 */
public final class SchedulerService {
    /** Base-layer assignments wait for this many confirmations unless the process says otherwise. */
    static final long DEFAULT_SETTLEMENT_DEPTH = 20;

    private final String address;
    private final UnitMetrics metrics;
    private final Sequencer sequencer;
    private final LogStore log;
    private final Permastore permastore;
    private final LogUploader uploader;
    private final LongSupplier clock;
    private final LongSupplier blockHeight;
    private final Limits limits;

    /**
     * What one request may cost the SU.
     *
     * @param scheduleTimeout how long a request waits for its slot before the caller gets 503 (a stuck store
     *                        must not hold callers forever)
     * @param maxPageSlots    the most slots one page of the log may ask for
     * @param maxPageBytes    a page stops before this many bytes of assignments and messages (it always holds at
     *                        least one slot), so a page of large messages cannot exhaust the heap
     */
    public record Limits(Duration scheduleTimeout, int maxPageSlots, long maxPageBytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 10_000, 16L * 1024 * 1024);

        public Limits {
            if (scheduleTimeout.isNegative() || scheduleTimeout.isZero() || maxPageSlots < 1 || maxPageBytes < 1) {
                throw new IllegalArgumentException("SU limits must be positive: " + scheduleTimeout + ", "
                        + maxPageSlots + ", " + maxPageBytes);
            }
        }
    }

    public SchedulerService(String address, Sequencer sequencer, LogStore log, Permastore permastore, LogUploader uploader,
                            LongSupplier clock, LongSupplier blockHeight) {
        this(address, sequencer, log, permastore, uploader, clock, blockHeight, UnitMetrics.NONE);
    }

    public SchedulerService(String address, Sequencer sequencer, LogStore log, Permastore permastore, LogUploader uploader,
                            LongSupplier clock, LongSupplier blockHeight, UnitMetrics metrics) {
        this(address, sequencer, log, permastore, uploader, clock, blockHeight, metrics, Limits.DEFAULT);
    }

    public SchedulerService(String address, Sequencer sequencer, LogStore log, Permastore permastore, LogUploader uploader,
                            LongSupplier clock, LongSupplier blockHeight, UnitMetrics metrics, Limits limits) {
        this.limits = limits;
        this.metrics = metrics;
        this.address = address;
        this.sequencer = sequencer;
        this.log = log;
        this.permastore = permastore;
        this.uploader = uploader;
        this.clock = clock;
        this.blockHeight = blockHeight;
    }

    /** The scheduler's clock, in milliseconds. */
    public long now() {
        return clock.getAsLong();
    }

    /** The current Arweave block height. */
    public long blockHeight() {
        return blockHeight.getAsLong();
    }

    /** The scheduler's wallet address, as its Scheduler-Location record names it. */
    public String address() {
        return address;
    }

    /** Orders a signed Process or Message item; answers the slot that holds it. */
    public Slot accept(byte[] body) throws SchedulingException {
        VerifiedItem verified;
        try {
            verified = VerifiedItem.verify(body);
        } catch (ProtocolException e) {
            throw new SchedulingException(e.status() == 413 ? Kind.TOO_LARGE : Kind.INVALID, e.getMessage());
        }
        return accept(verified);
    }

    /** {@link #accept(byte[])} for an item verified already in this process. */
    public Slot accept(VerifiedItem verified) throws SchedulingException {
        DataItem item = verified.item();
        if (!AoItems.isAo(item)) {
            throw new SchedulingException(Kind.INVALID, "data item " + item.id() + " lacks the tag Data-Protocol: ao");
        }
        String type = AoItems.type(item);
        ScheduleRequest request = switch (type) {
            case "Process" -> spawn(item);
            case "Message" -> message(item);
            default -> throw new SchedulingException(Kind.INVALID,
                    "data item " + item.id() + " has Type '" + type + "'; the SU orders Type Process or Message");
        };
        return await(request);
    }

    /** Assigns an existing transaction to a process's log; answers the slot of the assignment. */
    public Slot assign(String processId, String transactionId, boolean baseLayer, List<String> exclude)
            throws SchedulingException {
        if (!Base64Url.isId(processId)) {
            throw new SchedulingException(Kind.INVALID, "process-id must be a 43-character id");
        }
        if (!Base64Url.isId(transactionId)) {
            throw new SchedulingException(Kind.INVALID, "assign must be a 43-character transaction id");
        }
        Slot process = log.slot(processId, 0).orElseThrow(() ->
                new SchedulingException(Kind.NOT_FOUND, "process " + processId + " not found on this scheduler"));
        ItemStatus status = transactionStatus(transactionId).orElseThrow(() -> new SchedulingException(Kind.NOT_FOUND,
                "transaction " + transactionId + " was not found on the permanent store"));
        if (baseLayer) {
            long depth = settlementDepth(process);
            long confirmations = status instanceof ItemStatus.Confirmed confirmed ? confirmed.confirmations() : 0;
            if (confirmations < depth) {
                throw new SchedulingException(Kind.INVALID, "transaction " + transactionId + " has " + confirmations
                        + " confirmations; base-layer assignments need " + depth);
            }
        }
        return await(new AssignExisting(processId, transactionId, exclude));
    }

    public Optional<Slot> process(String processId) {
        return log.slot(processId, 0);
    }

    /** The slot with nonce {@code nonce} of the process (0 is the process itself). */
    public Optional<Slot> slot(String processId, long nonce) {
        return nonce < 0 ? Optional.empty() : log.slot(processId, nonce);
    }

    public Optional<Slot> message(String processId, String messageId) {
        return log.findMessage(processId, messageId);
    }

    public Optional<Slot> latest(String processId) {
        return log.latest(processId);
    }

    /** The limits this SU applies to requests. */
    public Limits limits() {
        return limits;
    }

    /**
     * A page of the log with {@code from < timestamp ≤ to}, and whether more follow. The page holds at most
     * {@code limit} slots (1 to {@link Limits#maxPageSlots}) and stops before {@link Limits#maxPageBytes}; a page
     * cut short by bytes says more follow (at worst the next page is empty).
     */
    public LogPage page(String processId, long from, long to, int limit) {
        if (limit < 1 || limit > limits.maxPageSlots()) {
            throw new IllegalArgumentException("limit must be 1 to " + limits.maxPageSlots() + ", not " + limit);
        }
        List<Slot> slots = log.range(processId, from, to, limit + 1, limits.maxPageBytes());
        long bytes = 0;
        int taken = 0;
        for (Slot slot : slots) {
            long size = slot.size();
            if (taken == limit || (taken > 0 && bytes + size > limits.maxPageBytes())) {
                break;
            }
            bytes += size;
            taken++;
        }
        boolean more = slots.size() > taken || bytes >= limits.maxPageBytes();
        return new LogPage(slots.subList(0, taken), more);
    }

    public record LogPage(List<Slot> slots, boolean hasNextPage) {}

    private ScheduleRequest spawn(DataItem item) throws SchedulingException {
        if (item.tag("Module").isEmpty()) {
            throw new SchedulingException(Kind.INVALID, "process " + item.id() + " has no Module tag");
        }
        String scheduler = item.tag("Scheduler").orElseThrow(() ->
                new SchedulingException(Kind.INVALID, "process " + item.id() + " has no Scheduler tag"));
        if (!scheduler.equals(address)) {
            throw new SchedulingException(Kind.INVALID, "process " + item.id() + " names scheduler " + scheduler
                    + "; this scheduler is " + address);
        }
        return new NewProcess(item);
    }

    private ScheduleRequest message(DataItem item) throws SchedulingException {
        String target = item.target().orElseThrow(() ->
                new SchedulingException(Kind.INVALID, "message " + item.id() + " has no target process"));
        String dedupeKey = item.tag("From-Process").isPresent() ? PushDedupe.key(item) : null;
        return new NewMessage(target, item, dedupeKey);
    }

    private Optional<ItemStatus> transactionStatus(String transactionId) throws SchedulingException {
        try {
            Optional<ItemStatus> status = permastore.status(transactionId);
            if (status.isEmpty()) {
                uploader.uploadPending(); // it may be a message this SU ordered moments ago
                status = permastore.status(transactionId);
            }
            return status;
        } catch (PermastoreException e) {
            throw new SchedulingException(Kind.UNAVAILABLE, "the permanent store is unavailable: " + e.getMessage());
        }
    }

    private static long settlementDepth(Slot processSlot) {
        try {
            return DataItem.parse(processSlot.message()).tag("Settlement-Depth").map(Long::parseLong)
                    .orElse(DEFAULT_SETTLEMENT_DEPTH);
        } catch (Ans104Exception | NumberFormatException e) {
            return DEFAULT_SETTLEMENT_DEPTH;
        }
    }

    private Slot await(ScheduleRequest request) throws SchedulingException {
        try {
            Slot slot = sequencer.schedule(request).get(limits.scheduleTimeout().toMillis(), TimeUnit.MILLISECONDS);
            metrics.sequenced();
            uploader.wake();
            return slot;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SchedulingException refused) {
                throw refused;
            }
            throw new SchedulingException(Kind.UNAVAILABLE, "scheduling failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            // The slot may still be taken later; a retry of the same message then answers that slot.
            throw new SchedulingException(Kind.UNAVAILABLE, "scheduling did not finish within "
                    + limits.scheduleTimeout().toSeconds() + " s; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulingException(Kind.UNAVAILABLE, "interrupted while scheduling");
        }
    }
}
