package dev.ao4j.wasm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/** The SHA-256 of a memory read 64 KiB at a time, which can be given up between pages. */
final class MemoryDigest {
    /** Copies {@code length} bytes of the memory at {@code offset} into the start of {@code into}. */
    interface PageReader {
        void read(long offset, byte[] into, int length);
    }

    private MemoryDigest() {}

    /** Lower-case hex SHA-256 of {@code size} bytes, or null when {@code abandon} turned true first. */
    static String sha256(long size, PageReader memory, BooleanSupplier abandon) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        byte[] chunk = new byte[LinearMemory.PAGE];
        for (long at = 0; at < size; at += chunk.length) {
            if (abandon.getAsBoolean()) {
                return null;
            }
            int n = (int) Math.min(chunk.length, size - at);
            memory.read(at, chunk, n);
            digest.update(chunk, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
