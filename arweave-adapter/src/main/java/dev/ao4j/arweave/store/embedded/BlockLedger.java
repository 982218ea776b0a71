package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.store.BlockInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The local chain's blocks in the {@code blocks} table: the genesis time (kept in {@code meta}, so heights stay
 * put across restarts), the tip, and the appending of blocks as the {@link BlockClock} makes them due or as
 * they are mined. Writes run on the caller's connection inside the caller's transaction.
 */
final class BlockLedger {
    private final BlockClock clock;
    private final long genesisMillis;
    private volatile BlockInfo tip;

    private BlockLedger(BlockClock clock, long genesisMillis, BlockInfo tip) {
        this.clock = clock;
        this.genesisMillis = genesisMillis;
        this.tip = tip;
    }

    /** Reads the chain, or starts it (genesis now, block 0) in a new store. Run inside a transaction. */
    static BlockLedger open(Connection c, BlockClock clock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT value FROM meta WHERE key = 'genesis_ms'");
             ResultSet rs = select.executeQuery()) {
            if (rs.next()) {
                return new BlockLedger(clock, Long.parseLong(rs.getString(1)), loadTip(c));
            }
        }
        long genesis = clock.nowMillis();
        try (PreparedStatement meta = c.prepareStatement("INSERT INTO meta(key, value) VALUES ('genesis_ms', ?)");
             PreparedStatement block = c.prepareStatement("INSERT INTO blocks(height, id, previous, timestamp) VALUES (0, ?, '', ?)")) {
            meta.setString(1, Long.toString(genesis));
            meta.executeUpdate();
            block.setString(1, BlockClock.blockId(0));
            block.setLong(2, genesis / 1000);
            block.executeUpdate();
        }
        return new BlockLedger(clock, genesis, new BlockInfo(0, BlockClock.blockId(0), "", genesis / 1000));
    }

    BlockInfo tip() {
        return tip;
    }

    /** Whether blocks are due that are not written yet. */
    boolean behind(long nowMillis) {
        return clock.dueHeight(genesisMillis, nowMillis) > tip.height();
    }

    /** Appends the blocks due by {@code nowMillis}. */
    void advance(Connection c, long nowMillis) throws SQLException {
        long due = clock.dueHeight(genesisMillis, nowMillis);
        if (due > tip.height()) {
            append(c, due, nowMillis);
        }
    }

    /** Appends the blocks due, then {@code blocks} more stamped now. */
    void mine(Connection c, int blocks, long nowMillis) throws SQLException {
        advance(c, nowMillis);
        append(c, tip.height() + blocks, nowMillis);
    }

    /** Re-reads the tip, after a rolled-back transaction may have appended blocks in memory only. */
    void reload(Connection c) throws SQLException {
        tip = loadTip(c);
    }

    private void append(Connection c, long toHeight, long nowMillis) throws SQLException {
        BlockInfo last = tip;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO blocks(height, id, previous, timestamp) VALUES (?, ?, ?, ?)")) {
            for (long h = last.height() + 1; h <= toHeight; h++) {
                long due = clock.isManual() ? nowMillis / 1000 : clock.dueTimestampSeconds(genesisMillis, h);
                // Mined-ahead blocks are stamped now; a timestamp never goes back.
                long timestamp = Math.max(last.timestamp(), Math.min(due, nowMillis / 1000));
                BlockInfo next = new BlockInfo(h, BlockClock.blockId(h), last.id(), timestamp);
                insert.setLong(1, next.height());
                insert.setString(2, next.id());
                insert.setString(3, next.previous());
                insert.setLong(4, next.timestamp());
                insert.addBatch();
                last = next;
            }
            insert.executeBatch();
        }
        tip = last;
    }

    private static BlockInfo loadTip(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT height, id, previous, timestamp FROM blocks ORDER BY height DESC LIMIT 1");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the blocks table is empty: the store was not created by this version");
            }
            return blockFrom(rs);
        }
    }

    static BlockInfo blockFrom(ResultSet rs) throws SQLException {
        return new BlockInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4));
    }
}
