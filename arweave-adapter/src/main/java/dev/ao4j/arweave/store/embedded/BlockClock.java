package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.ans104.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The local chain's clock: block {@code h} is due {@code h × blockTime} after genesis, so heights follow wall
 * time as Arweave's do (about one block per two minutes by default). {@link #manual()} never produces a block
 * by itself: tests advance it with {@code EmbeddedPermastore.mine(n)}. Block ids depend on the height only.
 * A new chain's first block is at {@link #firstHeight()} (0 unless {@link #startingAt(long)} says otherwise);
 * a store keeps the first height it was created with.
 */
public final class BlockClock {
    public static final Duration ARWEAVE_BLOCK_TIME = Duration.ofSeconds(120);

    private final Duration blockTime;
    private final InstantSource source;
    private final long firstHeight;

    private BlockClock(Duration blockTime, InstantSource source, long firstHeight) {
        if (blockTime.isNegative()) {
            throw new IllegalArgumentException("block time must not be negative: " + blockTime);
        }
        if (firstHeight < 0) {
            throw new IllegalArgumentException("the first height must not be negative: " + firstHeight);
        }
        this.blockTime = blockTime;
        this.source = source;
        this.firstHeight = firstHeight;
    }

    /** Blocks every {@code blockTime} of wall time ({@link Duration#ZERO} means manual). */
    public static BlockClock every(Duration blockTime) {
        return new BlockClock(blockTime, InstantSource.system(), 0);
    }

    public static BlockClock every(Duration blockTime, InstantSource source) {
        return new BlockClock(blockTime, source, 0);
    }

    /** The same clock for a new chain whose first block is at {@code height}. */
    public BlockClock startingAt(long height) {
        return new BlockClock(blockTime, source, height);
    }

    /** Blocks only when mined explicitly: for tests that need exact heights. */
    public static BlockClock manual() {
        return new BlockClock(Duration.ZERO, InstantSource.system(), 0);
    }

    /** The height of a new chain's first block. */
    public long firstHeight() {
        return firstHeight;
    }

    public boolean isManual() {
        return blockTime.isZero();
    }

    public Duration blockTime() {
        return blockTime;
    }

    public long nowMillis() {
        return source.millis();
    }

    /** The height due at {@code nowMillis} on a chain whose first block, {@code first}, was at {@code genesisMillis}. */
    public long dueHeight(long first, long genesisMillis, long nowMillis) {
        if (isManual() || nowMillis <= genesisMillis) {
            return first;
        }
        return first + (nowMillis - genesisMillis) / blockTime.toMillis();
    }

    /** When block {@code height} of a chain starting at {@code first} is due, in seconds (as Arweave's timestamps). */
    public long dueTimestampSeconds(long first, long genesisMillis, long height) {
        return (genesisMillis + (height - first) * blockTime.toMillis()) / 1000;
    }

    /** The id of the local block at {@code height}: b64url(SHA-384("ao4j-local-block/" + height)), 64 characters like Arweave's. */
    public static String blockId(long height) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-384").digest(("ao4j-local-block/" + height).getBytes(StandardCharsets.US_ASCII));
            return Base64Url.encode(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is part of every JDK", e);
        }
    }
}
