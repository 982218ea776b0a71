package dev.ao4j.cu.port;

import java.util.List;

/** Block metadata for block-based crons (a gateway's {@code blocks} query). */
public interface BlockSource {
    /** @param timestampMillis the block's timestamp, in milliseconds */
    record Block(long height, long timestampMillis) {}

    /** Blocks with {@code minHeight ≤ height ≤ maxHeight}, ascending. */
    List<Block> blocks(long minHeight, long maxHeight);
}
