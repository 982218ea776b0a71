package dev.ao4j.protocol;

import dev.ao4j.arweave.ans104.DataItem;

/**
 * An item whose ANS-104 signature and size this process has already checked ({@link AoItems#signedItem}). Units on
 * one node pass it to each other instead of bytes, so an item a client sent is parsed and verified once; only
 * {@link #verify} makes one.
 */
public final class VerifiedItem {
    private final DataItem item;

    private VerifiedItem(DataItem item) {
        this.item = item;
    }

    /** @throws ProtocolException 400 (or 413) when the body is not a signed item within AO's limit */
    public static VerifiedItem verify(byte[] body) {
        return new VerifiedItem(AoItems.signedItem(body));
    }

    public DataItem item() {
        return item;
    }

    /** The item's bytes as signed. */
    public byte[] raw() {
        return item.raw();
    }
}
