package dev.ao4j.node;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.BlockQuery;
import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.DataSlice;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.ItemStatus;
import dev.ao4j.arweave.store.Page;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.PutReceipt;
import dev.ao4j.arweave.store.StoredItem;
import java.util.Optional;

/** The node's permanent store with {@link ModuleAliases}: reads by id answer an AO module id with the local module. */
final class AliasedPermastore implements Permastore {
    private final Permastore store;
    private final ModuleAliases aliases;

    AliasedPermastore(Permastore store, ModuleAliases aliases) {
        this.store = store;
        this.aliases = aliases;
    }

    @Override
    public PutReceipt put(DataItem item) throws PermastoreException {
        return store.put(item);
    }

    @Override
    public PutReceipt putBundle(DataItem bundleItem) throws PermastoreException {
        return store.putBundle(bundleItem);
    }

    @Override
    public Optional<StoredItem> item(String id) throws PermastoreException {
        return store.item(aliases.resolve(id));
    }

    @Override
    public Optional<DataSlice> data(String id, ByteRange range) throws PermastoreException {
        return store.data(aliases.resolve(id), range);
    }

    @Override
    public Optional<ItemStatus> status(String id) throws PermastoreException {
        return store.status(aliases.resolve(id));
    }

    @Override
    public Page<StoredItem> query(ItemQuery query) throws PermastoreException {
        if (query.ids() == null || query.ids().isEmpty()) {
            return store.query(query);
        }
        return store.query(new ItemQuery(query.ids().stream().map(aliases::resolve).toList(), query.owners(),
                query.recipients(), query.tags(), query.bundledIn(), query.block(), query.first(), query.after(),
                query.sort()));
    }

    @Override
    public Page<BlockInfo> blocks(BlockQuery query) throws PermastoreException {
        return store.blocks(query);
    }

    @Override
    public Optional<BlockInfo> block(long height) throws PermastoreException {
        return store.block(height);
    }

    @Override
    public BlockInfo currentBlock() throws PermastoreException {
        return store.currentBlock();
    }

    @Override
    public <T> Optional<T> as(Class<T> type) {
        return store.as(type);
    }

    @Override
    public void close() {
        store.close();
    }
}
