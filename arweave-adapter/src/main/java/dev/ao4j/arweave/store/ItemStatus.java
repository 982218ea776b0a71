package dev.ao4j.arweave.store;

/** Where a stored item stands on the chain. */
public sealed interface ItemStatus {
    /** Accepted but not yet in a block. */
    record Pending() implements ItemStatus {}

    /** In block {@code blockHeight}; {@code confirmations} counts that block and every block after it. */
    record Confirmed(long blockHeight, String blockId, long confirmations) implements ItemStatus {}
}
