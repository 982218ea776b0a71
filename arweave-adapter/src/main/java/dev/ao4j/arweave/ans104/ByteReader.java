package dev.ao4j.arweave.ans104;

/**
 * Reads a byte array front to back, checking every length against what is left, so a forged length field
 * fails with an {@link Ans104Exception} naming the field instead of over-reading or over-allocating.
 */
final class ByteReader {
    private final byte[] bytes;
    private int position;
    private final int end;

    ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    ByteReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    byte[] take(long length, String field) throws Ans104Exception {
        require(length, field);
        byte[] out = new byte[(int) length];
        System.arraycopy(bytes, position, out, 0, (int) length);
        position += (int) length;
        return out;
    }

    int u8(String field) throws Ans104Exception {
        require(1, field);
        return bytes[position++] & 0xff;
    }

    int u16le(String field) throws Ans104Exception {
        require(2, field);
        int value = (bytes[position] & 0xff) | (bytes[position + 1] & 0xff) << 8;
        position += 2;
        return value;
    }

    /** An unsigned little-endian 64-bit number that must fit a non-negative long. */
    long u64le(String field) throws Ans104Exception {
        require(8, field);
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[position + i] & 0xff);
        }
        position += 8;
        if (value < 0) {
            throw new Ans104Exception(field, "length does not fit 63 bits");
        }
        return value;
    }

    /** An unsigned little-endian 256-bit number (bundle header) that must fit an int. */
    long u256le(String field) throws Ans104Exception {
        require(32, field);
        for (int i = 8; i < 32; i++) {
            if (bytes[position + i] != 0) {
                throw new Ans104Exception(field, "value too large");
            }
        }
        long value = u64le(field);
        position += 24;
        return value;
    }

    private void require(long length, String field) throws Ans104Exception {
        if (length < 0 || length > remaining()) {
            throw new Ans104Exception(field, "needs " + length + " bytes but only " + remaining() + " remain");
        }
    }
}
