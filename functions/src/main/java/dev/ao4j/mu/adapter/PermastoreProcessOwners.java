package dev.ao4j.mu.adapter;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.port.ProcessOwners;
import java.util.Optional;

/**
 * Reads a process's owner from its Process item on the permanent store, where its SU uploads it (and where the MU
 * already looks up a process's scheduler). The item's signature was checked when it was stored.
 */
public final class PermastoreProcessOwners implements ProcessOwners {
    private final Permastore permastore;

    public PermastoreProcessOwners(Permastore permastore) {
        this.permastore = permastore;
    }

    @Override
    public Optional<String> owner(String processId) {
        try {
            return permastore.item(processId).map(StoredItem::ownerAddress);
        } catch (PermastoreException e) {
            throw MuException.unavailable("the permanent store is unavailable: " + e.getMessage(), e);
        }
    }
}
