package dev.ao4j.mu.port;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.mu.core.MuException;

/** Where a message to a wallet (not a process) goes: the permanent store. */
public interface MessageArchive {
    /** Stores the signed item; idempotent for an id already stored. */
    void store(DataItem item) throws MuException;
}
