package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Bundle;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.BlockQuery;
import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.Cursors;
import dev.ao4j.arweave.store.DataSlice;
import dev.ao4j.arweave.store.InvalidItemException;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.ItemStatus;
import dev.ao4j.arweave.store.Page;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.PutReceipt;
import dev.ao4j.arweave.store.SortOrder;
import dev.ao4j.arweave.store.StoreUnavailableException;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.wallet.PrivateFiles;
import dev.ao4j.sqlite.GroupCommit;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The permanent store on local disk: one SQLite database ({@code permastore.db}) under a data directory, a
 * local {@link BlockClock}, every item verified before it is stored. Writes go through one connection under a
 * lock, one transaction per put (a bundle and its nested items commit together); reads use a small pool.
 */
public final class EmbeddedPermastore implements Permastore {
    private static final Logger LOG = Logger.getLogger(EmbeddedPermastore.class);
    static final String DB_FILE = "permastore.db";
    private static final int MAX_BUNDLE_DEPTH = 4;
    /** Most requests one group commit takes, so one transaction stays bounded. */
    private static final int MAX_GROUP = 256;
    private static final String ITEM_COLUMNS = "i.seq, i.id, i.bundled_in, i.height, i.data_size, i.content_type, i.header,"
            + " b.id AS block_id, b.previous AS block_previous, b.timestamp AS block_timestamp";

    private final BlockClock clock;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final GroupCommit<WriteRequest> commits = new GroupCommit<>(writeLock, MAX_GROUP, this::commitBatch);
    private final ReaderPool readers;
    private final BlockLedger chain;

    private EmbeddedPermastore(Path file, BlockClock clock) throws SQLException {
        this.clock = clock;
        this.writer = SqliteSchema.open(file, false);
        SqliteSchema.create(writer);
        this.chain = inTransaction(() -> BlockLedger.open(writer, clock));
        this.readers = new ReaderPool(() -> SqliteSchema.open(file, false), 4);
    }

    /** Opens (creating when absent) the store under {@code dataDir}. */
    public static EmbeddedPermastore open(Path dataDir, BlockClock clock) throws StoreUnavailableException {
        try {
            PrivateFiles.createDirectories(dataDir);
            EmbeddedPermastore store = new EmbeddedPermastore(dataDir.resolve(DB_FILE), clock);
            LOG.debugf("permanent store at %s, tip %d", dataDir, store.chain.tip().height());
            return store;
        } catch (IOException | SQLException e) {
            throw new StoreUnavailableException("cannot open the permanent store under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    // ---- writes

    @Override
    public PutReceipt put(DataItem item) throws PermastoreException {
        if (isBundle(item)) {
            return putBundle(item);
        }
        requireValid(item, "");
        return write(List.of(new Pending(item, null)), item.id());
    }

    @Override
    public PutReceipt putBundle(DataItem bundleItem) throws PermastoreException {
        requireValid(bundleItem, "");
        List<Pending> all = new ArrayList<>();
        all.add(new Pending(bundleItem, null));
        unbundle(bundleItem, all, 1);
        return write(all, bundleItem.id());
    }

    /**
     * Verifies then stores many items in one transaction (one fsync): for bulk loads, where one put per commit
     * would be bounded by the disk's sync rate. All are verified before any is stored; the receipts share one
     * block. Bundle items are stored as plain items here (use {@link #putBundle} to index their contents).
     */
    public List<PutReceipt> putAll(List<DataItem> items) throws PermastoreException {
        List<Pending> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            requireValid(items.get(i), "items[" + i + "].");
            pending.add(new Pending(items.get(i), null));
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        PutReceipt batch = write(pending, items.getFirst().id());
        return items.stream().map(item -> new PutReceipt(item.id(), batch.timestamp(), batch.blockHeight(), List.of())).toList();
    }

    /** Mines {@code blocks} empty blocks now (the local equivalent of arlocal's {@code /mine}). */
    public BlockInfo mine(int blocks) throws StoreUnavailableException {
        if (blocks < 0) {
            throw new IllegalArgumentException("cannot mine a negative number of blocks: " + blocks);
        }
        return transaction("mine", () -> {
            chain.mine(writer, blocks, clock.nowMillis());
            return chain.tip();
        });
    }

    /** An item to store, with the bundle it came in (null when put directly). */
    record Pending(DataItem item, String bundledIn) {}

    private static boolean isBundle(DataItem item) {
        return item.tag("Bundle-Format").filter("binary"::equals).isPresent();
    }

    private static void requireValid(DataItem item, String where) throws InvalidItemException {
        if (!item.verify()) {
            throw new InvalidItemException(where + "signature", "does not verify against the owner's key (item " + item.id() + ")");
        }
    }

    private static void unbundle(DataItem bundleItem, List<Pending> into, int depth) throws InvalidItemException {
        if (depth > MAX_BUNDLE_DEPTH) {
            throw new InvalidItemException("data", "bundles nested deeper than " + MAX_BUNDLE_DEPTH);
        }
        List<DataItem> nested;
        try {
            nested = Bundle.parse(bundleItem.data());
        } catch (Ans104Exception e) {
            throw new InvalidItemException("data." + e.field(), "bundle " + bundleItem.id() + ": " + e.getMessage());
        }
        for (int i = 0; i < nested.size(); i++) {
            DataItem item = nested.get(i);
            requireValid(item, "bundle[" + i + "].");
            into.add(new Pending(item, bundleItem.id()));
            if (isBundle(item)) {
                unbundle(item, into, depth + 1);
            }
        }
    }

    /** One caller's items waiting for the next commit. */
    private static final class WriteRequest {
        final List<Pending> items;
        final String id;
        PutReceipt receipt;

        WriteRequest(List<Pending> items, String id) {
            this.items = items;
            this.id = id;
        }
    }

    /** Puts go through {@link #commits}: concurrent puts share one transaction and its fsync. */
    private PutReceipt write(List<Pending> items, String id) throws StoreUnavailableException {
        WriteRequest request = new WriteRequest(items, id);
        Throwable failure = commits.submit(request);
        if (failure instanceof SQLException e) {
            throw unavailable("put " + id, e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return request.receipt;
    }

    /** Commits a batch of puts in one transaction (the caller holds the write lock). */
    private void commitBatch(List<WriteRequest> batch) throws SQLException {
        List<PutReceipt> receipts = inTransaction(() -> {
            long now = clock.nowMillis();
            chain.advance(writer, now);
            long height = chain.tip().height();
            List<PutReceipt> out = new ArrayList<>(batch.size());
            for (WriteRequest request : batch) {
                long accepted = ItemRows.insert(writer, request.items, height, now);
                List<String> nested = request.items.stream().skip(1).map(p -> p.item().id()).toList();
                out.add(new PutReceipt(request.id, accepted, height, nested));
            }
            return out;
        });
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).receipt = receipts.get(i);
        }
    }

    // ---- blocks

    /** Materializes the blocks due by now, so reads see the chain's real tip. */
    private void catchUp() throws StoreUnavailableException {
        if (!chain.behind(clock.nowMillis())) {
            return;
        }
        transaction("advance the block clock", () -> {
            chain.advance(writer, clock.nowMillis());
            return chain.tip();
        });
    }

    @Override
    public BlockInfo currentBlock() throws StoreUnavailableException {
        catchUp();
        return chain.tip();
    }

    @Override
    public Optional<BlockInfo> block(long height) throws StoreUnavailableException {
        catchUp();
        return readers.read("block " + height, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT height, id, previous, timestamp FROM blocks WHERE height = ?")) {
                select.setLong(1, height);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(BlockLedger.blockFrom(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page<BlockInfo> blocks(BlockQuery query) throws PermastoreException {
        catchUp();
        Long after = query.after() == null ? null : Cursors.decode("block", query.after());
        boolean desc = query.sort() == SortOrder.HEIGHT_DESC;
        Sql sql = new Sql("SELECT height, id, previous, timestamp FROM blocks WHERE 1 = 1");
        if (!query.ids().isEmpty()) {
            sql.append(" AND id IN (" + Sql.placeholders(query.ids().size()) + ")", query.ids().toArray());
        }
        if (query.height().min() != null) {
            sql.append(" AND height >= ?", query.height().min());
        }
        if (query.height().max() != null) {
            sql.append(" AND height <= ?", query.height().max());
        }
        if (after != null) {
            sql.append(desc ? " AND height < ?" : " AND height > ?", after);
        }
        sql.append(" ORDER BY height " + (desc ? "DESC" : "ASC") + " LIMIT ?", query.first() + 1);
        List<BlockInfo> rows = readers.read("blocks query", c -> {
            List<BlockInfo> out = new ArrayList<>();
            try (PreparedStatement select = sql.prepare(c); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(BlockLedger.blockFrom(rs));
                }
            }
            return out;
        });
        List<Page.Edge<BlockInfo>> edges = rows.stream().limit(query.first())
                .map(b -> new Page.Edge<>(Cursors.encode("block", b.height()), b)).toList();
        return new Page<>(edges, rows.size() > query.first());
    }

    // ---- reads

    @Override
    public Optional<StoredItem> item(String id) throws PermastoreException {
        return readers.read("item " + id, c -> loadItems(c, "id = ?", List.of(id)).values().stream().findFirst());
    }

    @Override
    public Optional<DataSlice> data(String id, ByteRange range) throws StoreUnavailableException {
        return readers.read("data " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT data_size FROM items WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long size = rs.getLong(1);
                    long offset = Math.min(range.offset(), size);
                    long length = Math.min(range.length(), size - offset);
                    return Optional.of(new DataSlice(readData(c, id, offset, length), offset, size));
                }
            }
        });
    }

    private static byte[] readData(Connection c, String id, long offset, long length) throws SQLException {
        if (length == 0) {
            return new byte[0];
        }
        // substr on a blob counts bytes from 1.
        try (PreparedStatement select = c.prepareStatement("SELECT substr(data, ?, ?) FROM items WHERE id = ?")) {
            select.setLong(1, offset + 1);
            select.setLong(2, length);
            select.setString(3, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                byte[] bytes = rs.getBytes(1);
                return bytes == null ? new byte[0] : bytes;
            }
        }
    }

    @Override
    public Optional<ItemStatus> status(String id) throws StoreUnavailableException {
        catchUp();
        return readers.read("status " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT height FROM items WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long height = rs.getLong(1);
                    return Optional.of(new ItemStatus.Confirmed(height, BlockClock.blockId(height), chain.tip().height() - height + 1));
                }
            }
        });
    }

    @Override
    public Page<StoredItem> query(ItemQuery query) throws PermastoreException {
        Long after = query.after() == null ? null : Cursors.decode("item", query.after());
        return readers.read("query", c -> {
            List<Long> seqs = new ItemQueryPlan(query, after).matchingSeqs(c);
            if (seqs.isEmpty() || query.first() == 0) {
                return new Page<StoredItem>(List.of(), !seqs.isEmpty());
            }
            List<Long> pageSeqs = seqs.subList(0, Math.min(seqs.size(), query.first()));
            Map<Long, StoredItem> items = loadItems(c, "seq IN (" + Sql.placeholders(pageSeqs.size()) + ")", pageSeqs);
            List<Page.Edge<StoredItem>> edges = new ArrayList<>();
            for (Long seq : pageSeqs) {
                edges.add(new Page.Edge<>(Cursors.encode("item", seq), items.get(seq)));
            }
            return new Page<>(edges, seqs.size() > query.first());
        });
    }

    /** Items by seq, in ascending seq order. */
    private static Map<Long, StoredItem> loadItems(Connection c, String where, List<?> args) throws SQLException {
        Map<Long, StoredItem> out = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + ITEM_COLUMNS
                + " FROM items i JOIN blocks b ON b.height = i.height WHERE i." + where + " ORDER BY i.seq")) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong("seq"), ItemRows.toStoredItem(rs));
                }
            }
        }
        return out;
    }

    // ---- transactions

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one write transaction under the write lock. */
    private <T> T transaction(String what, SqlWork<T> work) throws StoreUnavailableException {
        writeLock.lock();
        try {
            return inTransaction(work);
        } catch (SQLException e) {
            throw unavailable(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Commits {@code work}, or rolls it back and forgets blocks it appended (caller holds the write lock). */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        writer.setAutoCommit(false);
        try {
            T result = work.run();
            writer.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            if (chain != null) {
                try {
                    chain.reload(writer);
                } catch (SQLException reload) {
                    e.addSuppressed(reload);
                }
            }
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    // ---- lifecycle and errors

    private void rollback(SQLException cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException("permanent store: " + what + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readers.close();
            writer.close();
        } catch (SQLException e) {
            LOG.warnf(e, "closing the permanent store");
        } finally {
            writeLock.unlock();
        }
    }
}
