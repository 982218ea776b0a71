package dev.ao4j.mu.adapter;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.InvalidItemException;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.port.MessageArchive;

/** Messages to wallets go onto the node's permanent store (embedded, or Arweave through a bundler). */
public final class PermastoreArchive implements MessageArchive {
    private final Permastore permastore;

    public PermastoreArchive(Permastore permastore) {
        this.permastore = permastore;
    }

    @Override
    public void store(DataItem item) {
        try {
            permastore.put(item);
        } catch (InvalidItemException e) {
            throw MuException.badRequest("the permanent store refused " + item.id() + ": " + e.getMessage());
        } catch (PermastoreException e) {
            throw MuException.unavailable("the permanent store is unavailable: " + e.getMessage(), e);
        }
    }
}
