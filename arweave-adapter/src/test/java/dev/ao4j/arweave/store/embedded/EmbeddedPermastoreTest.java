package dev.ao4j.arweave.store.embedded;

import static dev.ao4j.arweave.store.TestItems.item;
import static dev.ao4j.arweave.store.TestItems.tampered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.HeightRange;
import dev.ao4j.arweave.store.InvalidItemException;
import dev.ao4j.arweave.store.InvalidQueryException;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.ItemStatus;
import dev.ao4j.arweave.store.PutReceipt;
import dev.ao4j.arweave.store.SortOrder;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.store.TagFilter;
import dev.ao4j.arweave.store.TestItems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPermastoreTest {
    @TempDir
    Path dataDir;

    @Test
    void anItemWhoseSignatureFailsIsRefusedAndNothingIsStored() throws Exception {
        DataItem item = item("genuine", "Run", "tamper");
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            InvalidItemException refused = assertThrows(InvalidItemException.class, () -> store.put(tampered(item)));
            assertEquals("signature", refused.field());
            assertTrue(store.item(item.id()).isEmpty());
            assertEquals(List.of(), store.query(ItemQuery.all().withTags(TagFilter.of("Run", "tamper"))).nodes());
        }
    }

    @Test
    void bytesThatAreNotAnItemAreRefusedNamingTheField() throws Exception {
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            InvalidItemException refused = assertThrows(InvalidItemException.class, () -> store.put(new byte[] {9, 0, 1, 2}));
            assertEquals("signatureType", refused.field());
        }
    }

    @Test
    void aBundleWithOneBadNestedItemIsRefusedWhole() throws Exception {
        DataItem good = item("good", "Run", "bad-bundle");
        DataItem bad = item("bad", "Run", "bad-bundle");
        DataItem forged = DataItem.parse(tampered(bad));
        DataItem bundle = TestItems.bundle(List.of(good, forged));
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            InvalidItemException refused = assertThrows(InvalidItemException.class, () -> store.put(bundle));
            assertEquals("bundle[1].signature", refused.field());
            assertTrue(store.item(bundle.id()).isEmpty());
            assertTrue(store.item(good.id()).isEmpty());
        }
    }

    @Test
    void itemsAndBlocksSurviveReopening() throws Exception {
        DataItem item = item("kept", "Run", "reopen");
        BlockInfo tip;
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            store.mine(2);
            store.put(item);
            tip = store.mine(1);
        }
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            assertEquals(tip, store.currentBlock());
            StoredItem stored = store.item(item.id()).orElseThrow();
            assertEquals(2, stored.block().orElseThrow().height());
            assertEquals(new ItemStatus.Confirmed(2, BlockClock.blockId(2), 2), store.status(item.id()).orElseThrow());
        }
    }

    @Test
    void puttingTheSameItemTwiceKeepsTheFirstAcceptance() throws Exception {
        DataItem item = item("twice", "Run", "twice");
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            PutReceipt first = store.put(item);
            store.mine(1);
            PutReceipt again = store.put(item);
            assertEquals(first.timestamp(), again.timestamp());
            assertEquals(1, store.query(ItemQuery.all().withTags(TagFilter.of("Run", "twice"))).nodes().size());
            assertEquals(0, store.item(item.id()).orElseThrow().block().orElseThrow().height());
        }
    }

    @Test
    void theTimedClockPlacesItemsInTheBlockDueWhenTheyArrive() throws Exception {
        long genesis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        AtomicLong now = new AtomicLong(genesis);
        InstantSource source = () -> Instant.ofEpochMilli(now.get());
        BlockClock clock = BlockClock.every(Duration.ofSeconds(120), source);
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, clock)) {
            DataItem early = item("early", "Run", "clock");
            store.put(early);
            now.addAndGet(Duration.ofMinutes(10).toMillis() + 1);
            DataItem late = item("late", "Run", "clock");
            PutReceipt receipt = store.put(late);
            assertEquals(5, receipt.blockHeight());
            BlockInfo block5 = store.block(5).orElseThrow();
            assertEquals(genesis / 1000 + 5 * 120, block5.timestamp());
            assertEquals(store.block(4).orElseThrow().id(), block5.previous());
            assertEquals(List.of(late.id()), store.query(ItemQuery.all().withTags(TagFilter.of("Run", "clock"))
                    .withBlock(new HeightRange(1L, null))).nodes().stream().map(StoredItem::id).toList());
            assertEquals(List.of(early.id()), store.query(ItemQuery.all().withTags(TagFilter.of("Run", "clock"))
                    .withBlock(new HeightRange(0L, 4L))).nodes().stream().map(StoredItem::id).toList());
            assertEquals(List.of(early.id(), late.id()), store.query(ItemQuery.all().withTags(TagFilter.of("Run", "clock"))
                    .withSort(SortOrder.HEIGHT_ASC)).nodes().stream().map(StoredItem::id).toList());
            ItemStatus.Confirmed status = assertInstanceOf(ItemStatus.Confirmed.class, store.status(early.id()).orElseThrow());
            assertEquals(6, status.confirmations());
        }
    }

    @Test
    void aChainStartedAtARealisticHeightCountsFromThereAndKeepsItsFirstHeight() throws Exception {
        long genesis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        AtomicLong now = new AtomicLong(genesis);
        InstantSource source = () -> Instant.ofEpochMilli(now.get());
        BlockClock clock = BlockClock.every(Duration.ofSeconds(120), source).startingAt(1_600_000);
        DataItem first = item("first", "Run", "first-height");
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, clock)) {
            assertEquals(new BlockInfo(1_600_000, BlockClock.blockId(1_600_000), "", genesis / 1000), store.currentBlock());
            assertEquals(1_600_000, store.put(first).blockHeight());
            now.addAndGet(Duration.ofMinutes(6).toMillis());
            assertEquals(1_600_003, store.put(item("later", "Run", "first-height")).blockHeight());
            assertEquals(genesis / 1000 + 3 * 120, store.block(1_600_003).orElseThrow().timestamp());
            assertTrue(store.block(0).isEmpty(), "no block below the first");
        }
        // Reopened with a clock that would start elsewhere: the store's own first height stays.
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.every(Duration.ofSeconds(120), source))) {
            assertEquals(1_600_003, store.currentBlock().height());
            assertEquals(1_600_000, store.item(first.id()).orElseThrow().block().orElseThrow().height());
            now.addAndGet(Duration.ofMinutes(2).toMillis());
            assertEquals(1_600_004, store.put(item("after reopening", "Run", "first-height")).blockHeight());
        }
    }

    @Test
    void concurrentPutsAreAllStoredAndAcknowledgedWithTheirOwnIds() throws Exception {
        List<DataItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            items.add(item("concurrent " + i, "Run", "concurrent", "Index", Integer.toString(i)));
        }
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual());
             var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<PutReceipt>> receipts = new java.util.ArrayList<>();
            for (DataItem item : items) {
                receipts.add(pool.submit(() -> store.put(item)));
            }
            for (int i = 0; i < items.size(); i++) {
                assertEquals(items.get(i).id(), receipts.get(i).get().id());
            }
            for (DataItem item : items) {
                assertEquals(item.tags(), store.item(item.id()).orElseThrow().tags());
            }
            assertEquals(80, store.query(ItemQuery.all().withFirst(100).withTags(TagFilter.of("Run", "concurrent"))).nodes().size());
        }
    }

    @Test
    void aCursorTheStoreDidNotIssueIsRefused() throws Exception {
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.manual())) {
            assertThrows(InvalidQueryException.class, () -> store.query(ItemQuery.all().withAfter("not-a-cursor")));
        }
    }
}
