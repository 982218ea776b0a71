package dev.ao4j.su.core;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import org.jboss.logging.Logger;

/**
 * The current block height for assignments, read from the permanent store at most twice a second: blocks
 * come every ~2 minutes, and a remote gateway must not be asked once per message. When the store cannot
 * answer, the last known height is used (assignments must not fail because a gateway is slow).
 */
public final class BlockHeight {
    private static final Logger LOG = Logger.getLogger(BlockHeight.class);
    private static final long REFRESH_MILLIS = 500;

    private final Permastore permastore;
    private long height = -1;
    private long readAt;

    public BlockHeight(Permastore permastore) {
        this.permastore = permastore;
    }

    public synchronized long current() {
        long now = System.currentTimeMillis();
        if (height < 0 || now - readAt >= REFRESH_MILLIS) {
            try {
                height = permastore.currentBlock().height();
                readAt = now;
            } catch (PermastoreException e) {
                if (height < 0) {
                    throw new IllegalStateException("cannot read the current block height: " + e.getMessage(), e);
                }
                LOG.warnf("reading the block height failed (%s); using %d", e.getMessage(), height);
            }
        }
        return height;
    }
}
