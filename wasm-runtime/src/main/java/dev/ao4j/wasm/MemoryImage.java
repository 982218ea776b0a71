package dev.ao4j.wasm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.CRC32;

/**
 * A copy of a process's state: its linear memory, page by page (all-zero pages not stored), and the glue's
 * clock. Encoded as a snapshot: {@code "AO4JSNAP"}, version, Module-Format, clock, memory size, then the raw
 * memory gzipped (so the payload after the header is exactly a gzipped memory dump, as AO checkpoints are).
 */
final class MemoryImage {
    private static final byte[] MAGIC = {'A', 'O', '4', 'J', 'S', 'N', 'A', 'P'};
    private static final int VERSION = 1;
    private static final int PAGE = LinearMemory.PAGE;

    private final long size;
    private final long clock;
    private final List<byte[]> pages; // null = all zero

    private MemoryImage(long size, long clock, List<byte[]> pages) {
        this.size = size;
        this.clock = clock;
        this.pages = pages;
    }

    long size() {
        return size;
    }

    long clock() {
        return clock;
    }

    static MemoryImage capture(LinearMemory memory, long clock) {
        long size = memory.size();
        List<byte[]> pages = new ArrayList<>((int) (size / PAGE));
        byte[] page = new byte[PAGE];
        for (long at = 0; at < size; at += PAGE) {
            memory.read(at, page, 0, PAGE);
            if (isZero(page)) {
                pages.add(null);
            } else {
                pages.add(page);
                page = new byte[PAGE];
            }
        }
        return new MemoryImage(size, clock, pages);
    }

    /** Bytes this image holds: its non-zero pages. */
    long residentBytes() {
        return pages.stream().filter(page -> page != null).count() * PAGE;
    }

    /** The SHA-256 of the memory this image stands for, zero pages included; null when {@code abandon} turned true. */
    String sha256(java.util.function.BooleanSupplier abandon) {
        return MemoryDigest.sha256(size, (offset, into, length) -> {
            byte[] page = pages.get((int) (offset / PAGE));
            System.arraycopy(page == null ? ZERO : page, 0, into, 0, length);
        }, abandon);
    }

    private static boolean isZero(byte[] page) {
        return java.util.Arrays.mismatch(page, ZERO) == -1;
    }

    private static final byte[] ZERO = new byte[PAGE];

    /** Writes this image over {@code memory}, growing it first if it is smaller. */
    void writeInto(LinearMemory memory) {
        long current = memory.size();
        if (current < size && !memory.growPages((size - current) / PAGE)) {
            throw new IllegalStateException("cannot grow the memory to " + size + " bytes");
        }
        if (memory.size() != size) {
            throw new IllegalStateException("memory is " + memory.size() + " bytes, the image " + size);
        }
        long at = 0;
        for (byte[] page : pages) {
            if (page == null) {
                memory.zero(at, PAGE);
            } else {
                memory.write(at, page, 0, PAGE);
            }
            at += PAGE;
        }
    }

    byte[] encode(ModuleFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(format.tagValue());
            out.writeLong(clock);
            out.writeLong(size);
            writeGzip(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The memory as one gzip member. Each page is deflated on its own (full flush between pages), so the
     * deflated form of an all-zero page is computed once and copied for every zero page: most of a process's
     * memory is zero and deflating it again and again was most of a snapshot's time.
     */
    private void writeGzip(OutputStream out) throws IOException {
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        CRC32 crc = new CRC32();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        byte[] buffer = new byte[PAGE + 1024];
        try {
            for (byte[] page : pages) {
                if (page == null) {
                    out.write(ZERO_PAGE_DEFLATED);
                    crc.update(ZERO);
                } else {
                    deflatePage(deflater, page, buffer, out);
                    crc.update(page);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
        } finally {
            deflater.end();
        }
        int isize = (int) size; // ISIZE is the length modulo 2^32
        int value = (int) crc.getValue();
        out.write(new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24),
            (byte) isize, (byte) (isize >>> 8), (byte) (isize >>> 16), (byte) (isize >>> 24)});
    }

    private static void deflatePage(Deflater deflater, byte[] page, byte[] buffer, OutputStream out) throws IOException {
        deflater.setInput(page);
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
    }

    /** A zero page deflated from a fresh state and fully flushed: non-final blocks ending on a byte boundary. */
    private static final byte[] ZERO_PAGE_DEFLATED = deflatedZeroPage();

    private static byte[] deflatedZeroPage() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            deflatePage(deflater, new byte[PAGE], new byte[PAGE + 1024], out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        } finally {
            deflater.end();
        }
    }

    static MemoryImage decode(byte[] snapshot, ModuleFormat expected) throws SnapshotException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new SnapshotException("not an ao4j memory snapshot (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new SnapshotException("unsupported snapshot version " + version);
            }
            String format = in.readUTF();
            if (!format.equals(expected.tagValue())) {
                throw new SnapshotException("the snapshot is of a " + format + " module, not " + expected.tagValue());
            }
            long clock = in.readLong();
            long size = in.readLong();
            if (size <= 0 || size % PAGE != 0 || size > expected.heapMax()) {
                throw new SnapshotException("invalid memory size in the snapshot: " + size);
            }
            List<byte[]> pages = new ArrayList<>();
            try (InputStream gz = new GZIPInputStream(in, PAGE)) {
                for (long at = 0; at < size; at += PAGE) {
                    byte[] page = new byte[PAGE];
                    int n = gz.readNBytes(page, 0, PAGE);
                    if (n != PAGE) {
                        throw new SnapshotException("the snapshot's memory is truncated at byte " + (at + n) + " of " + size);
                    }
                    pages.add(isZero(page) ? null : page);
                }
                if (gz.read() != -1) {
                    throw new SnapshotException("the snapshot's memory is longer than its header says (" + size + ")");
                }
            }
            return new MemoryImage(size, clock, pages);
        } catch (EOFException e) {
            throw new SnapshotException("the snapshot is truncated", e);
        } catch (IOException e) {
            throw new SnapshotException("the snapshot is corrupt: " + e.getMessage(), e);
        }
    }
}
