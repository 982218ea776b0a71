package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.store.BlockInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The local chain's blocks in the {@code blocks} table: the genesis time and first height (kept in {@code meta},
 * so heights stay put across restarts), the tip, and the appending of blocks as the {@link BlockClock} makes them
 * due or as they are mined. Writes run on the caller's connection inside the caller's transaction.
 */
final class BlockLedger {
    private final BlockClock clock;
    private final long genesisMillis;
    private final long firstHeight;
    private volatile BlockInfo tip;

    private BlockLedger(BlockClock clock, long genesisMillis, long firstHeight, BlockInfo tip) {
        this.clock = clock;
        this.genesisMillis = genesisMillis;
        this.firstHeight = firstHeight;
        this.tip = tip;
    }

    /**
     * Reads the chain, or starts it in a new store: genesis now, the first block at the clock's first height. A
     * store made before first heights were kept started at 0. Run inside a transaction.
     */
    static BlockLedger open(Connection c, BlockClock clock) throws SQLException {
        Optional<String> genesis = meta(c, "genesis_ms");
        if (genesis.isPresent()) {
            long first = meta(c, "first_height").map(Long::parseLong).orElse(0L);
            return new BlockLedger(clock, Long.parseLong(genesis.get()), first, loadTip(c));
        }
        long now = clock.nowMillis();
        long first = clock.firstHeight();
        BlockInfo block = new BlockInfo(first, BlockClock.blockId(first), "", now / 1000);
        try (PreparedStatement meta = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)");
             PreparedStatement insert = c.prepareStatement("INSERT INTO blocks(height, id, previous, timestamp) VALUES (?, ?, '', ?)")) {
            meta.setString(1, "genesis_ms");
            meta.setString(2, Long.toString(now));
            meta.setString(3, "first_height");
            meta.setString(4, Long.toString(first));
            meta.executeUpdate();
            insert.setLong(1, block.height());
            insert.setString(2, block.id());
            insert.setLong(3, block.timestamp());
            insert.executeUpdate();
        }
        return new BlockLedger(clock, now, first, block);
    }

    private static Optional<String> meta(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    BlockInfo tip() {
        return tip;
    }

    /** Whether blocks are due that are not written yet. */
    boolean behind(long nowMillis) {
        return clock.dueHeight(firstHeight, genesisMillis, nowMillis) > tip.height();
    }

    /** Appends the blocks due by {@code nowMillis}. */
    void advance(Connection c, long nowMillis) throws SQLException {
        long due = clock.dueHeight(firstHeight, genesisMillis, nowMillis);
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
                long due = clock.isManual() ? nowMillis / 1000 : clock.dueTimestampSeconds(firstHeight, genesisMillis, h);
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
