package dev.ao4j.cu.adapter;

import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.BlockQuery;
import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.HeightRange;
import dev.ao4j.arweave.store.Page;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.SortOrder;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.core.ModuleMeta;
import dev.ao4j.cu.port.BlockSource;
import dev.ao4j.cu.port.ModuleSource;
import dev.ao4j.cu.port.TransactionSource;
import dev.ao4j.protocol.OwnerAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Modules, assigned transactions and block metadata, read from the permanent store. */
public final class PermastoreSource implements ModuleSource, TransactionSource, BlockSource {
    private final Permastore permastore;

    public PermastoreSource(Permastore permastore) {
        this.permastore = permastore;
    }

    @Override
    public Optional<ModuleMeta> meta(String moduleId) {
        return call("module " + moduleId, () -> permastore.item(moduleId))
                // Named by the id asked for: an AO module id answered by the node's own copy stays that id in env.
                .map(item -> new ModuleMeta(moduleId, OwnerAddress.of(item.ownerAddress(), item.owner()), item.tags()));
    }

    @Override
    public byte[] binary(String moduleId) {
        return call("module " + moduleId, () -> permastore.data(moduleId, ByteRange.ALL))
                .orElseThrow(() -> CuException.notFound("module " + moduleId + " has no data on the permanent store"))
                .bytes();
    }

    @Override
    public Optional<Transaction> transaction(String id) {
        Optional<StoredItem> item = call("transaction " + id, () -> permastore.item(id));
        if (item.isEmpty()) {
            return Optional.empty();
        }
        byte[] data = call("transaction " + id, () -> permastore.data(id, ByteRange.ALL)).map(s -> s.bytes()).orElse(new byte[0]);
        StoredItem header = item.get();
        return Optional.of(new Transaction(header.id(), header.ownerAddress(), header.owner(), header.signature(),
                header.recipient().orElse(""), header.anchor().orElse(null), header.tags(), data));
    }

    @Override
    public List<Block> blocks(long minHeight, long maxHeight) {
        List<Block> out = new ArrayList<>();
        String after = null;
        while (true) {
            BlockQuery query = new BlockQuery(List.of(), new HeightRange(minHeight, maxHeight), 100, after, SortOrder.HEIGHT_ASC);
            Page<BlockInfo> page = call("blocks " + minHeight + ".." + maxHeight, () -> permastore.blocks(query));
            for (Page.Edge<BlockInfo> edge : page.edges()) {
                out.add(new Block(edge.node().height(), edge.node().timestamp() * 1000));
                after = edge.cursor();
            }
            if (!page.hasNextPage() || page.edges().isEmpty()) {
                return out;
            }
        }
    }

    interface StoreCall<T> {
        T run() throws PermastoreException;
    }

    static <T> T call(String what, StoreCall<T> call) {
        try {
            return call.run();
        } catch (PermastoreException e) {
            throw CuException.unavailable("the permanent store cannot serve " + what + ": " + e.getMessage(), e);
        }
    }
}
