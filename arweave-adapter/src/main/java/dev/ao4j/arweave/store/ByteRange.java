package dev.ao4j.arweave.store;

/** Bytes {@code offset} to {@code offset + length - 1} of an item's data; {@link #ALL} is the whole. */
public record ByteRange(long offset, long length) {
    public static final ByteRange ALL = new ByteRange(0, Long.MAX_VALUE);

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("byte range must not be negative: " + offset + "+" + length);
        }
    }

    /** Bytes {@code first} to {@code last}, both inclusive (as an HTTP Range header writes them). */
    public static ByteRange inclusive(long first, long last) {
        return new ByteRange(first, last - first + 1);
    }
}
