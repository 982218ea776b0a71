package dev.ao4j.arweave.store;

import static dev.ao4j.arweave.store.TestItems.alice;
import static dev.ao4j.arweave.store.TestItems.bob;
import static dev.ao4j.arweave.store.TestItems.item;
import static dev.ao4j.arweave.store.TestItems.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Permastore} must do, run against the embedded store and against a real gateway (arlocal)
 * through the HTTP adapter. Each test tags its items with a fresh {@code Run} value so tests sharing one
 * store see only their own items.
 */
public abstract class PermastoreContract {
    private static final String NO_SUCH_ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    /** The store under test (shared by the tests of one class). */
    protected abstract Permastore store();

    /** Puts the pending items into a block. */
    protected abstract void mine() throws Exception;

    /** Whether the store reports the bundle a nested item came in (arlocal 1.1.66 leaves it null). */
    protected boolean reportsBundledIn() {
        return true;
    }

    private DataItem putAndMine(DataItem item) throws Exception {
        store().put(item);
        mine();
        return item;
    }

    @Test
    void anItemIsReadableByIdWithItsHeaderAndData() throws Exception {
        String run = unique("read");
        DataItem item = putAndMine(item(alice(), bob().address(), "hello, permaweb",
                "Run", run, "Content-Type", "text/plain", "Data-Protocol", "ao"));

        StoredItem stored = store().item(item.id()).orElseThrow();
        assertEquals(item.id(), stored.id());
        assertEquals(alice().address(), stored.ownerAddress());
        assertEquals(bob().address(), stored.recipient().orElseThrow());
        assertEquals(item.tags(), stored.tags());
        assertEquals(15, stored.dataSize());
        assertEquals("text/plain", stored.contentType().orElseThrow());
        assertTrue(stored.block().isPresent(), "a mined item has a block");

        DataSlice whole = store().data(item.id(), ByteRange.ALL).orElseThrow();
        assertEquals("hello, permaweb", new String(whole.bytes(), StandardCharsets.UTF_8));
        assertTrue(whole.isWhole());
        DataSlice part = store().data(item.id(), ByteRange.inclusive(7, 14)).orElseThrow();
        assertEquals("permaweb", new String(part.bytes(), StandardCharsets.UTF_8));
        assertEquals(7, part.offset());
        assertEquals(15, part.totalSize());
    }

    @Test
    void unknownIdsAreAbsent() throws Exception {
        assertTrue(store().item(NO_SUCH_ID).isEmpty());
        assertTrue(store().data(NO_SUCH_ID, ByteRange.ALL).isEmpty());
        assertTrue(store().status(NO_SUCH_ID).isEmpty());
    }

    @Test
    void aMinedItemIsConfirmedInItsBlock() throws Exception {
        DataItem item = putAndMine(item("status", "Run", unique("status")));
        ItemStatus.Confirmed status = assertInstanceOf(ItemStatus.Confirmed.class, store().status(item.id()).orElseThrow());
        BlockInfo block = store().item(item.id()).orElseThrow().block().orElseThrow();
        assertEquals(block.height(), status.blockHeight());
        assertEquals(block.id(), status.blockId());
        BlockInfo tip = store().currentBlock();
        assertTrue(status.confirmations() >= 0 && status.blockHeight() <= tip.height(), status + " vs tip " + tip);
    }

    @Test
    void tagFiltersAreAndedAcrossTagsAndOredWithinValues() throws Exception {
        String run = unique("tags");
        DataItem x = putAndMine(item("x", "Run", run, "Kind", "x"));
        DataItem y = putAndMine(item("y", "Run", run, "Kind", "y"));
        putAndMine(item("z", "Run", run, "Kind", "z"));

        ItemQuery query = ItemQuery.all().withTags(TagFilter.of("Run", run), TagFilter.of("Kind", "x", "y"));
        assertEquals(List.of(y.id(), x.id()), ids(store().query(query)));
        assertEquals(List.of(x.id(), y.id()), ids(store().query(query.withSort(SortOrder.HEIGHT_ASC))));
        assertEquals(List.of(), ids(store().query(ItemQuery.all().withTags(TagFilter.of("Run", run), TagFilter.of("Kind", "nope")))));
    }

    @Test
    void queriesFilterByIdsOwnersAndRecipients() throws Exception {
        String run = unique("who");
        DataItem fromAlice = putAndMine(item(alice(), null, "a", "Run", run));
        DataItem fromBobToAlice = putAndMine(item(bob(), alice().address(), "b", "Run", run));

        TagFilter runTag = TagFilter.of("Run", run);
        assertEquals(List.of(fromBobToAlice.id()), ids(store().query(ItemQuery.all().withTags(runTag).withOwners(bob().address()))));
        assertEquals(List.of(fromAlice.id()), ids(store().query(ItemQuery.all().withTags(runTag).withOwners(alice().address()))));
        assertEquals(List.of(fromBobToAlice.id()), ids(store().query(ItemQuery.all().withTags(runTag).withRecipients(alice().address()))));
        assertEquals(Set.of(fromAlice.id(), fromBobToAlice.id()),
                Set.copyOf(ids(store().query(ItemQuery.all().withIds(fromAlice.id(), fromBobToAlice.id())))));
        assertEquals(List.of(fromAlice.id()), ids(store().query(ItemQuery.all().withIds(fromAlice.id(), NO_SUCH_ID))));
    }

    @Test
    void pagesFollowCursorsUntilTheLastPage() throws Exception {
        String run = unique("pages");
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(putAndMine(item("page " + i, "Run", run, "Index", Integer.toString(i))).id());
        }
        List<String> newestFirst = stored.reversed();

        List<String> seen = new ArrayList<>();
        ItemQuery query = ItemQuery.all().withTags(TagFilter.of("Run", run)).withFirst(2);
        Page<StoredItem> page = store().query(query);
        int pages = 1;
        seen.addAll(ids(page));
        while (page.hasNextPage()) {
            page = store().query(query.withAfter(page.edges().getLast().cursor()));
            seen.addAll(ids(page));
            pages++;
        }
        assertEquals(newestFirst, seen);
        assertEquals(3, pages);
        assertFalse(page.hasNextPage());
    }

    @Test
    void aBundleStoresEachNestedItemFindableByIdAndTag() throws Exception {
        String run = unique("bundle");
        DataItem first = item(alice(), null, "first nested", "Run", run, "Position", "1");
        DataItem second = item(alice(), null, "second nested", "Run", run, "Position", "2");
        DataItem bundle = TestItems.bundle(List.of(first, second));
        PutReceipt receipt = store().putBundle(bundle);
        mine();
        assertEquals(bundle.id(), receipt.id());

        StoredItem nested = store().item(second.id()).orElseThrow();
        assertEquals(second.tags(), nested.tags());
        if (reportsBundledIn()) {
            assertEquals(bundle.id(), nested.bundledIn().orElseThrow(), "a nested item names its bundle");
        }
        assertArrayEquals("second nested".getBytes(StandardCharsets.UTF_8), store().data(second.id(), ByteRange.ALL).orElseThrow().bytes());
        assertEquals(Set.of(first.id(), second.id()), Set.copyOf(ids(store().query(ItemQuery.all().withTags(TagFilter.of("Run", run))))));
        assertEquals(List.of(first.id()), ids(store().query(ItemQuery.all().withTags(TagFilter.of("Run", run), TagFilter.of("Position", "1")))));
    }

    @Test
    void blocksAdvanceWhenMined() throws Exception {
        BlockInfo before = store().currentBlock();
        mine();
        BlockInfo after = store().currentBlock();
        assertTrue(after.height() > before.height(), before + " then " + after);
        assertEquals(after, store().block(after.height()).orElseThrow());
        assertEquals(before.id(), store().block(before.height()).orElseThrow().id());
        Page<BlockInfo> blocks = store().blocks(BlockQuery.heights(new HeightRange(before.height(), after.height()), 10, SortOrder.HEIGHT_ASC));
        assertEquals(before.height(), blocks.nodes().getFirst().height());
        assertEquals(after.height(), blocks.nodes().getLast().height());
        assertTrue(store().block(after.height() + 1000).isEmpty());
    }

    @Test
    void tagsKeepTheirOrderAndDuplicates() throws Exception {
        String run = unique("order");
        DataItem item = putAndMine(item("dup", "Run", run, "B", "2", "A", "1", "B", "2"));
        assertEquals(List.of(new Tag("Run", run), new Tag("B", "2"), new Tag("A", "1"), new Tag("B", "2")),
                store().item(item.id()).orElseThrow().tags());
        assertEquals(List.of(item.id()), ids(store().query(ItemQuery.all().withTags(TagFilter.of("B", "2"), TagFilter.of("Run", run)))));
    }

    protected static List<String> ids(Page<StoredItem> page) {
        return page.nodes().stream().map(StoredItem::id).collect(Collectors.toList());
    }
}
