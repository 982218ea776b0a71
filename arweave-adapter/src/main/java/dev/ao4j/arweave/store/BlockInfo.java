package dev.ao4j.arweave.store;

/** A block: its height, its id (indep_hash), the previous block's id ("" for the first) and its timestamp in seconds. */
public record BlockInfo(long height, String id, String previous, long timestamp) {}
