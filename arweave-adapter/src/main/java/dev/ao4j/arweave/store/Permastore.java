package dev.ao4j.arweave.store;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import java.util.Optional;

/**
 * Permanent storage as the MU, SU and CU see it: signed ANS-104 data items that stay retrievable by id and
 * findable by owner, recipient and tags, placed in blocks. One port, two faces: {@code EmbeddedPermastore}
 * (local disk, a local block clock) and {@code ArweaveHttpPermastore} (a real gateway and bundler).
 */
public interface Permastore extends AutoCloseable {

    /**
     * Verifies and stores one signed data item; idempotent for an id already stored. When the item carries
     * {@code Bundle-Format: binary} its data is a bundle and every nested item is stored too (see {@link #putBundle}).
     *
     * @throws InvalidItemException when the signature or the layout is wrong; nothing is stored
     */
    PutReceipt put(DataItem item) throws PermastoreException;

    /** Parses then {@link #put(DataItem) puts} raw item bytes. */
    default PutReceipt put(byte[] rawItem) throws PermastoreException {
        try {
            return put(DataItem.parse(rawItem));
        } catch (Ans104Exception e) {
            throw new InvalidItemException(e.field(), e.getMessage());
        }
    }

    /**
     * Stores a bundle item (a data item whose data is an ANS-104 bundle) and each nested item, every nested
     * item findable by its own id and tags with {@code bundledIn} = the bundle's id. All items are verified
     * first: one invalid item rejects the whole bundle.
     */
    PutReceipt putBundle(DataItem bundleItem) throws PermastoreException;

    /** The item's header (owner, tags, target, anchor, data size, block) by id. */
    Optional<StoredItem> item(String id) throws PermastoreException;

    /** The item's data, or the part of it in {@code range} (clamped to the data's size). */
    Optional<DataSlice> data(String id, ByteRange range) throws PermastoreException;

    /** Where the item stands: pending, or in a block with a number of confirmations. */
    Optional<ItemStatus> status(String id) throws PermastoreException;

    /** Items matching every given criterion, one page at a time. */
    Page<StoredItem> query(ItemQuery query) throws PermastoreException;

    /** Blocks in a height range, one page at a time. */
    Page<BlockInfo> blocks(BlockQuery query) throws PermastoreException;

    Optional<BlockInfo> block(long height) throws PermastoreException;

    /** The newest block (the chain's tip). */
    BlockInfo currentBlock() throws PermastoreException;

    /** This store as an implementation with more to offer (e.g. mining), also through a decorator around it. */
    default <T> Optional<T> as(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    void close();
}
