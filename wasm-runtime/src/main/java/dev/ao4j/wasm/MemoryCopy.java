package dev.ao4j.wasm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A copy of a process's linear memory at one moment, in 64 KiB pages, that any thread may hash while the instance
 * runs on: copying is a bulk read, several times cheaper than hashing the same bytes.
 */
public final class MemoryCopy {
    private final byte[][] pages;

    MemoryCopy(byte[][] pages) {
        this.pages = pages;
    }

    /**
     * Copies the whole of {@code memory}, into the pages of {@code reuse} where they fit (a copy already hashed, or
     * null): reusing spares the allocation and the garbage of a whole memory per copy.
     */
    static MemoryCopy of(LinearMemory memory, MemoryCopy reuse) {
        long size = memory.size();
        byte[][] pages = new byte[(int) ((size + LinearMemory.PAGE - 1) / LinearMemory.PAGE)][];
        for (int i = 0; i < pages.length; i++) {
            long at = (long) i * LinearMemory.PAGE;
            int length = (int) Math.min(LinearMemory.PAGE, size - at);
            byte[] page = reuse != null && i < reuse.pages.length && reuse.pages[i].length == length
                    ? reuse.pages[i] : new byte[length];
            memory.read(at, page, 0, length);
            pages[i] = page;
        }
        return new MemoryCopy(pages);
    }

    /** The bytes held, as the memory's size. */
    public long size() {
        long size = 0;
        for (byte[] page : pages) {
            size += page.length;
        }
        return size;
    }

    /** Lower-case hex SHA-256 of the copied memory: the same as {@link ProcessInstance#memorySha256()} then. */
    public String sha256Hex() {
        MessageDigest digest = sha256();
        for (byte[] page : pages) {
            digest.update(page);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
