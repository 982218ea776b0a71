package dev.ao4j.su.core;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Bundle;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Signer;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.su.port.LogStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts every ordered message and its assignment on the permanent store, asynchronously but durably: a slot
 * stays marked pending in the log until its bundle is stored, so whatever was acknowledged and not yet
 * uploaded when the SU died is uploaded after it restarts. Slots are grouped into one SU-signed bundle per
 * round, and a round starts {@code linger} after the slot that woke it, so the upload costs one signature per
 * round, not one per message.
 */
public final class LogUploader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LogUploader.class);
    private static final int SLOTS_PER_BUNDLE = 64;
    /** Keeps one bundle's memory bounded when messages are large (up to 10 MiB each). */
    private static final long BYTES_PER_BUNDLE = 16L * 1024 * 1024;
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final LogStore log;
    private final Permastore permastore;
    private final Signer wallet;
    private final Duration linger;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean closed;

    public LogUploader(LogStore log, Permastore permastore, Signer wallet, Duration linger) {
        this.log = log;
        this.permastore = permastore;
        this.wallet = wallet;
        this.linger = linger;
    }

    /** Starts the background loop; it first uploads whatever an earlier run left pending. */
    public void start() {
        worker = Thread.ofVirtual().name("su-uploader").start(this::run);
    }

    /** Tells the loop that new slots are waiting. */
    public void wake() {
        wakeUp.release();
    }

    /**
     * Uploads every pending slot now, on the caller's thread.
     *
     * @return how many slots were uploaded
     */
    public synchronized int uploadPending() throws PermastoreException {
        int uploaded = 0;
        List<Slot> pending;
        while (!(pending = fitting(log.pendingUploads(SLOTS_PER_BUNDLE))).isEmpty()) {
            permastore.putBundle(bundleOf(pending));
            log.markUploaded(pending);
            uploaded += pending.size();
        }
        return uploaded;
    }

    @Override
    public void close() {
        closed = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(250);
        while (!closed) {
            try {
                uploadPending();
                backoff = Duration.ofMillis(250);
                if (wakeUp.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS) && linger.isPositive()) {
                    Thread.sleep(linger);
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (PermastoreException | RuntimeException e) {
                LOG.warnf("uploading the SU log failed (%s); retrying in %d ms", e.getMessage(), backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The longest prefix within {@link #BYTES_PER_BUNDLE}, and never less than one slot. */
    private static List<Slot> fitting(List<Slot> pending) {
        long bytes = 0;
        int count = 0;
        for (Slot slot : pending) {
            bytes += slot.assignment().length + (slot.message() == null ? 0 : slot.message().length);
            if (count > 0 && bytes > BYTES_PER_BUNDLE) {
                break;
            }
            count++;
        }
        return pending.subList(0, count);
    }

    private DataItem bundleOf(List<Slot> slots) {
        List<DataItem> items = new ArrayList<>(slots.size() * 2);
        try {
            for (Slot slot : slots) {
                items.add(DataItem.parse(slot.assignment()));
                if (slot.message() != null) {
                    items.add(DataItem.parse(slot.message()));
                }
            }
            return DataItem.sign(wallet, null, null,
                    List.of(new Tag("Bundle-Format", "binary"), new Tag("Bundle-Version", "2.0.0")),
                    Bundle.build(items));
        } catch (Ans104Exception e) {
            throw new IllegalStateException("the SU log holds an unreadable item: " + e.getMessage(), e);
        }
    }
}
