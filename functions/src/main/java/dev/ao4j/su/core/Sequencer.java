package dev.ao4j.su.core;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.protocol.HashChain;
import dev.ao4j.su.core.ScheduleRequest.AssignExisting;
import dev.ao4j.su.core.ScheduleRequest.NewMessage;
import dev.ao4j.su.core.ScheduleRequest.NewProcess;
import dev.ao4j.su.core.SchedulingException.Kind;
import dev.ao4j.su.port.AppendConflict;
import dev.ao4j.su.port.LogStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Gives each message of a process the next slot of its log.
 *
 * <p>Within one SU instance each process has a lane that drains its queue in batches (group commit: one
 * conditional append for up to {@link #MAX_BATCH} slots). Between instances nothing is locked: every append
 * is conditional on the slots being free, so when two instances race for a slot one append fails, that
 * instance re-reads the log and re-plans its batch. The log therefore never holds a slot twice, a gap,
 * or one message twice, however many instances write.
 */
public final class Sequencer implements AutoCloseable {
    /** Slots one append may carry at most; the store may allow fewer. */
    static final int MAX_BATCH = 64;
    private static final int MAX_ATTEMPTS = 200;
    private static final Logger LOG = Logger.getLogger(Sequencer.class);

    private final LogStore log;
    private final AssignmentSigner signer;
    private final LongSupplier blockHeight;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param blockHeight the current Arweave block height
     * @param clock       wall-clock milliseconds; timestamps are forced strictly increasing per process
     */
    public Sequencer(LogStore log, AssignmentSigner signer, LongSupplier blockHeight, LongSupplier clock) {
        this.log = log;
        this.signer = signer;
        this.blockHeight = blockHeight;
        this.clock = clock;
    }

    /**
     * Orders the request in its process's log. The future completes with the slot that holds it — the
     * slot it already had if the same message (or, for pushes, the same content) was ordered before — or
     * fails with a {@link SchedulingException}.
     */
    public CompletableFuture<Slot> schedule(ScheduleRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(request.processId(), Lane::new);
        lane.queue.add(pending);
        lane.kick();
        return pending.result;
    }

    @Override
    public void close() {
        workers.close();
    }

    private record Pending(ScheduleRequest request, CompletableFuture<Slot> result) {}

    /** What a new slot needs from the one before it. */
    private record Head(long nonce, long timestamp, String assignmentId, String hashChain) {
        static Head of(Slot slot) {
            return new Head(slot.nonce(), slot.timestamp(), slot.assignmentId(), slot.hashChain());
        }
    }

    private final class Lane {
        private final String processId;
        private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        /** The last slot this instance knows of; only the draining thread touches it. Null: read the log. */
        private Head head;

        Lane(String processId) {
            this.processId = processId;
        }

        void kick() {
            if (draining.compareAndSet(false, true)) {
                workers.execute(this::drain);
            }
        }

        private void drain() {
            List<Pending> batch = List.of();
            try {
                while (!(batch = poll()).isEmpty()) {
                    commit(batch);
                }
            } catch (RuntimeException e) {
                // A store failure (disk full, a DynamoDB error): the batch being committed is the one whose
                // callers wait, so it is the one that fails; requests still queued get a fresh drain below.
                LOG.errorf(e, "sequencing process %s failed", processId);
                head = null;
                failAll(batch, new SchedulingException(Kind.UNAVAILABLE, "scheduler error: " + e.getMessage()));
            } finally {
                draining.set(false);
                if (!queue.isEmpty()) {
                    kick(); // a request arrived after the last poll
                }
            }
        }

        private List<Pending> poll() {
            List<Pending> batch = new ArrayList<>();
            Pending next;
            int limit = Math.min(MAX_BATCH, log.maxSlotsPerAppend());
            while (batch.size() < limit && (next = queue.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }

        private void commit(List<Pending> batch) {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (head == null) {
                    head = log.latest(processId).map(Head::of).orElse(null);
                }
                Map<String, Slot> planned = new LinkedHashMap<>();
                Head cursor = head;
                for (Pending pending : batch) {
                    ScheduleRequest request = pending.request;
                    if (pending.result.isDone() || planned.containsKey(request.messageId())
                            || !admit(pending, cursor, attempt > 1)) {
                        continue; // settled, or a repeat within this batch that takes its twin's slot
                    }
                    Slot slot;
                    try {
                        slot = plan(request, cursor);
                    } catch (IllegalArgumentException refused) {
                        // This request alone cannot be signed (its tags exceed ANS-104's limits): it fails,
                        // the others of the batch keep their places.
                        pending.result.completeExceptionally(new SchedulingException(Kind.INVALID, refused.getMessage()));
                        continue;
                    }
                    planned.put(request.messageId(), slot);
                    cursor = Head.of(slot);
                }
                if (planned.isEmpty()) {
                    return;
                }
                try {
                    log.append(List.copyOf(planned.values()));
                    head = cursor;
                    for (Pending pending : batch) {
                        Slot slot = planned.get(pending.request.messageId());
                        if (slot != null) {
                            pending.result.complete(slot);
                        }
                    }
                    return;
                } catch (AppendConflict conflict) {
                    LOG.debugf("process %s: append conflict (%s), attempt %d", processId, conflict.getMessage(), attempt);
                    head = null; // another writer moved the log: re-read it and re-plan
                    backOff(attempt);
                }
            }
            failAll(batch, new SchedulingException(Kind.UNAVAILABLE,
                    "too much contention on process " + processId + "; retry"));
        }

        /**
         * Settles requests that cannot take a new slot; true when the request still needs one. The log is
         * searched for an earlier copy of the message only after a lost append: the conditional write
         * already refuses duplicates, so the common case costs no read.
         */
        private boolean admit(Pending pending, Head cursor, boolean lookForEarlierCopy) {
            ScheduleRequest request = pending.request;
            if (request instanceof NewProcess) {
                if (cursor != null) {
                    existing(request.messageId()).ifPresentOrElse(pending.result::complete,
                            () -> pending.result.completeExceptionally(new SchedulingException(Kind.INVALID,
                                    "process " + processId + " already exists")));
                    return false;
                }
                return true;
            }
            if (cursor == null) {
                pending.result.completeExceptionally(new SchedulingException(Kind.NOT_FOUND,
                        "process " + processId + " not found on this scheduler"));
                return false;
            }
            if (!lookForEarlierCopy) {
                return true;
            }
            Optional<Slot> already = existing(request.messageId());
            if (already.isEmpty() && request instanceof NewMessage message && message.dedupeKey() != null) {
                already = log.findDedupe(processId, message.dedupeKey());
            }
            already.ifPresent(pending.result::complete);
            return already.isEmpty();
        }

        private Optional<Slot> existing(String messageId) {
            return log.findMessage(processId, messageId);
        }

        private Slot plan(ScheduleRequest request, Head previous) {
            long nonce = previous == null ? 0 : previous.nonce + 1;
            long timestamp = previous == null ? clock.getAsLong() : Math.max(clock.getAsLong(), previous.timestamp + 1);
            String hashChain = previous == null
                    ? HashChain.first(processId)
                    : HashChain.next(previous.assignmentId, previous.hashChain);
            long height = blockHeight.getAsLong();
            String orderedId = request instanceof NewProcess ? null : request.messageId();
            List<String> exclude = request instanceof AssignExisting assign ? assign.exclude() : List.of();
            DataItem assignment = signer.sign(processId, 0, nonce, hashChain, height, timestamp, orderedId, exclude);
            DataItem message = switch (request) {
                case NewProcess spawn -> spawn.process();
                case NewMessage sent -> sent.message();
                case AssignExisting assign -> null;
            };
            String dedupeKey = request instanceof NewMessage sent ? sent.dedupeKey() : null;
            return new Slot(processId, nonce, 0, timestamp, height, hashChain, assignment.id(), assignment.raw(),
                    request.messageId(), message == null ? null : message.raw(), dedupeKey);
        }

        /** A short random pause, so two instances racing for one process stop colliding in lockstep. */
        private static void backOff(int attempt) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 10) * 3L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void failAll(List<Pending> batch, SchedulingException error) {
            for (Pending pending : batch) {
                pending.result.completeExceptionally(error); // no effect on requests already settled
            }
        }
    }
}
