package dev.ao4j.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the pieces of a wasm binary (bytes, LEB128 numbers) with bounds checks that fail with a
 * {@link WasmFormatException}, and encodes them.
 */
final class WasmBytes {
    private final byte[] bytes;
    private int position;

    WasmBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    int length() {
        return bytes.length;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position >= bytes.length;
    }

    int u8() {
        if (position >= bytes.length) {
            throw new WasmFormatException("unexpected end at byte " + position);
        }
        return bytes[position++] & 0xFF;
    }

    void skip(int n) {
        if (n < 0 || n > bytes.length - position) {
            throw new WasmFormatException("a length of " + n + " at byte " + position + " runs past the end");
        }
        position += n;
    }

    byte[] bytes(int n) {
        int start = position;
        skip(n);
        return Arrays.copyOfRange(bytes, start, start + n);
    }

    /** What is left, from here to the end. */
    byte[] rest() {
        return bytes(bytes.length - position);
    }

    /** An unsigned LEB128 of at most 32 bits. */
    int u32() {
        long v = leb(5, false);
        if (v > 0xFFFF_FFFFL) {
            throw new WasmFormatException("a u32 at byte " + position + " is out of range");
        }
        return (int) v;
    }

    /** An unsigned LEB128 of at most 64 bits (memory64 offsets and limits). */
    long u64() {
        return leb(10, false);
    }

    /** A signed LEB128 of at most {@code maxBytes} bytes (5 for s32, 5 for s33 block types, 10 for s64). */
    long signed(int maxBytes) {
        return leb(maxBytes, true);
    }

    private long leb(int maxBytes, boolean signed) {
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (signed && shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw new WasmFormatException("a LEB128 number at byte " + position + " is longer than " + maxBytes + " bytes");
    }

    static byte[] u32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(5);
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    static byte[] s64(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(u32(utf8.length), utf8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
