package dev.ao4j.arweave.store;

/** The two orders a gateway offers; HEIGHT_DESC (newest first) is the default. */
public enum SortOrder {
    HEIGHT_DESC,
    HEIGHT_ASC
}
