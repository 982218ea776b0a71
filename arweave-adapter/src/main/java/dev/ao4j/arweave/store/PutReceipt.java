package dev.ao4j.arweave.store;

import java.util.List;

/**
 * What a put answers, as a bundler does: the item's id, when it was accepted (ms), the block height it landed
 * in (or will, for a remote store: -1 when unknown), and the ids of nested items for a bundle.
 */
public record PutReceipt(String id, long timestamp, long blockHeight, List<String> nestedIds) {
    public PutReceipt {
        nestedIds = List.copyOf(nestedIds);
    }
}
