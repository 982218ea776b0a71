package dev.ao4j.su;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.su.core.Slot;
import dev.ao4j.su.port.AppendConflict;
import dev.ao4j.su.port.LogStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LogStore} adapter must do; each adapter's test extends this with its own store. */
abstract class LogStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    protected LogStore store;

    protected abstract LogStore openStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A slot with made-up content: the store treats assignments and messages as opaque bytes. */
    static Slot slot(String processId, long nonce, String messageId, String dedupeKey) {
        return new Slot(processId, nonce, 0, 1_000 + nonce * 10, 100 + nonce, randomId(), randomId(), randomBytes(64),
                messageId, randomBytes(100), dedupeKey);
    }

    static Slot slot(String processId, long nonce) {
        return slot(processId, nonce, nonce == 0 ? processId : randomId(), null);
    }

    @Test
    void appendedSlotsReadBackEveryWay() throws Exception {
        String pid = randomId();
        List<Slot> slots = List.of(slot(pid, 0), slot(pid, 1), slot(pid, 2, randomId(), "dedupe-" + pid));
        store.append(slots);

        for (Slot written : slots) {
            Slot read = store.slot(pid, written.nonce()).orElseThrow();
            assertSameSlot(written, read);
            assertSameSlot(written, store.findMessage(pid, written.messageId()).orElseThrow());
        }
        assertEquals(2, store.latest(pid).orElseThrow().nonce());
        assertEquals(2, store.findDedupe(pid, "dedupe-" + pid).orElseThrow().nonce());
        assertTrue(store.latest(randomId()).isEmpty(), "an unknown process has no log");
        assertTrue(store.findMessage(pid, randomId()).isEmpty());
    }

    @Test
    void rangeIsExclusiveAfterInclusiveToAndLimited() throws Exception {
        String pid = randomId();
        List<Slot> slots = new ArrayList<>();
        for (int nonce = 0; nonce < 10; nonce++) {
            slots.add(slot(pid, nonce));
        }
        store.append(slots);
        // timestamps are 1000, 1010, …, 1090
        List<Slot> page = store.range(pid, 1010, 1050, 100);
        assertEquals(List.of(2L, 3L, 4L, 5L), page.stream().map(Slot::nonce).toList());
        assertEquals(List.of(0L, 1L, 2L), store.range(pid, -1, Long.MAX_VALUE, 3).stream().map(Slot::nonce).toList());
        assertTrue(store.range(pid, 1090, Long.MAX_VALUE, 10).isEmpty());
    }

    @Test
    void rangeStopsOnceTheSlotsReadCarryMaxBytesAndRefusesANonPositiveLimit() throws Exception {
        String pid = randomId();
        List<Slot> slots = new ArrayList<>();
        for (int nonce = 0; nonce < 10; nonce++) {
            slots.add(slot(pid, nonce)); // 64 + 100 bytes each
        }
        store.append(slots);
        long size = slots.getFirst().size();
        assertEquals(164, size);
        assertEquals(List.of(0L, 1L, 2L), store.range(pid, -1, Long.MAX_VALUE, 100, 2 * size + 1).stream()
                .map(Slot::nonce).toList(), "reading stops after the slot that reaches the cap");
        assertEquals(List.of(0L), store.range(pid, -1, Long.MAX_VALUE, 100, 1).stream().map(Slot::nonce).toList(),
                "the first slot is always read");
        assertEquals(10, store.range(pid, -1, Long.MAX_VALUE, 100, Long.MAX_VALUE).size());
        // SQLite reads LIMIT -1 as no limit: a negative limit must read nothing, not the whole log.
        assertTrue(store.range(pid, -1, Long.MAX_VALUE, -2).isEmpty());
        assertTrue(store.range(pid, -1, Long.MAX_VALUE, 0).isEmpty());
    }

    @Test
    void takenNonceIsRefusedAndTheWholeAppendIsUndone() throws Exception {
        String pid = randomId();
        store.append(List.of(slot(pid, 0), slot(pid, 1)));
        Slot fresh = slot(pid, 2);
        Slot clash = slot(pid, 1);
        assertThrows(AppendConflict.class, () -> store.append(List.of(clash)));
        assertThrows(AppendConflict.class, () -> store.append(List.of(fresh, slot(pid, 1))));
        assertEquals(1, store.latest(pid).orElseThrow().nonce(), "nothing of a refused append is written");
        assertTrue(store.findMessage(pid, fresh.messageId()).isEmpty());
    }

    @Test
    void gapsAreRefused() throws Exception {
        String pid = randomId();
        store.append(List.of(slot(pid, 0)));
        assertThrows(AppendConflict.class, () -> store.append(List.of(slot(pid, 2))));
        assertEquals(0, store.latest(pid).orElseThrow().nonce());
    }

    @Test
    void aMessageIsOrderedOncePerProcessButMayBeAssignedToOthers() throws Exception {
        String pid = randomId();
        String other = randomId();
        String messageId = randomId();
        store.append(List.of(slot(pid, 0), slot(pid, 1, messageId, null)));
        assertThrows(AppendConflict.class, () -> store.append(List.of(slot(pid, 2, messageId, null))));
        store.append(List.of(slot(other, 0), slot(other, 1, messageId, null)));
        assertEquals(1, store.findMessage(other, messageId).orElseThrow().nonce());
    }

    @Test
    void aPushWithTheSameContentIsOrderedOnce() throws Exception {
        String pid = randomId();
        store.append(List.of(slot(pid, 0), slot(pid, 1, randomId(), "same-content")));
        assertThrows(AppendConflict.class, () -> store.append(List.of(slot(pid, 2, randomId(), "same-content"))));
    }

    @Test
    void newSlotsArePendingUploadUntilMarked() throws Exception {
        String pid = randomId();
        store.append(List.of(slot(pid, 0), slot(pid, 1), slot(pid, 2)));
        Set<Long> pending = pendingNonces(pid);
        assertEquals(Set.of(0L, 1L, 2L), pending);
        store.markUploaded(List.of(store.slot(pid, 0).orElseThrow(), store.slot(pid, 2).orElseThrow()));
        assertEquals(Set.of(1L), pendingNonces(pid));
    }

    @Test
    void largeMessagesRoundTrip() throws Exception {
        String pid = randomId();
        byte[] large = randomBytes(1_200_000);
        Slot big = new Slot(pid, 0, 0, 5, 1, randomId(), randomId(), randomBytes(64), pid, large, null);
        store.append(List.of(big));
        assertArrayEquals(large, store.slot(pid, 0).orElseThrow().message());
    }

    @Test
    void racingWritersNeverShareOrSkipASlot() throws Exception {
        String pid = randomId();
        store.append(List.of(slot(pid, 0)));
        int writers = 8;
        int perWriter = 15;
        List<String> won = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String messageId = randomId();
                        while (true) {
                            long next = store.latest(pid).orElseThrow().nonce() + 1;
                            try {
                                store.append(List.of(slot(pid, next, messageId, null)));
                                won.add(messageId);
                                break;
                            } catch (AppendConflict lost) {
                                // another writer took it: read again
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        long total = writers * perWriter;
        assertEquals(total, store.latest(pid).orElseThrow().nonce());
        Set<String> seen = new HashSet<>();
        for (long nonce = 1; nonce <= total; nonce++) {
            Slot slot = store.slot(pid, nonce).orElseThrow(() -> new AssertionError("a gap in the log"));
            assertTrue(seen.add(slot.messageId()), "a message ordered twice");
        }
        assertEquals(new HashSet<>(won), seen);
    }

    private Set<Long> pendingNonces(String pid) {
        Set<Long> nonces = new HashSet<>();
        for (Slot slot : store.pendingUploads(1000)) {
            if (slot.processId().equals(pid)) {
                nonces.add(slot.nonce());
            }
        }
        return nonces;
    }

    private static void assertSameSlot(Slot expected, Slot actual) {
        assertEquals(expected.processId(), actual.processId());
        assertEquals(expected.nonce(), actual.nonce());
        assertEquals(expected.timestamp(), actual.timestamp());
        assertEquals(expected.blockHeight(), actual.blockHeight());
        assertEquals(expected.hashChain(), actual.hashChain());
        assertEquals(expected.assignmentId(), actual.assignmentId());
        assertArrayEquals(expected.assignment(), actual.assignment());
        assertEquals(expected.messageId(), actual.messageId());
        assertArrayEquals(expected.message(), actual.message());
        assertEquals(expected.dedupeKey(), actual.dedupeKey());
        assertFalse(actual.isAssignmentOfExisting());
    }
}
