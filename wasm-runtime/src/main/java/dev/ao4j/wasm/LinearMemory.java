package dev.ao4j.wasm;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Value;

/** A process's linear memory: reads and writes through the polyglot buffer API, bulk moves through {@link MemoryOps}. */
final class LinearMemory {
    static final int PAGE = 65536;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Value memory;
    private final Value grow;
    private final Value copy;
    private final Value fill;
    private final boolean memory64;

    LinearMemory(Value memory, Value ops, boolean memory64) {
        this.memory = memory;
        this.grow = ops.getMember("grow");
        this.copy = ops.getMember("copy");
        this.fill = ops.getMember("fill");
        this.memory64 = memory64;
    }

    long size() {
        return memory.getBufferSize();
    }

    /** A pointer as the module's address type (i64 on wasm64, i32 on wasm32). */
    Object address(long value) {
        return memory64 ? (Object) value : (Object) (int) value;
    }

    void read(long address, byte[] target, int offset, int length) {
        memory.readBuffer(address, target, offset, length);
    }

    byte[] read(long address, int length) {
        byte[] out = new byte[length];
        memory.readBuffer(address, out, 0, length);
        return out;
    }

    void write(long address, byte[] source, int offset, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            memory.writeBufferLong(LE, address + i, (long) LONG_VIEW.get(source, offset + i));
        }
        for (; i < length; i++) {
            memory.writeBufferByte(address + i, source[offset + i]);
        }
    }

    private static final java.lang.invoke.VarHandle LONG_VIEW =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, LE);

    int readInt(long address) {
        return memory.readBufferInt(LE, address);
    }

    void writeInt(long address, int value) {
        memory.writeBufferInt(LE, address, value);
    }

    long readLong(long address) {
        return memory.readBufferLong(LE, address);
    }

    void writeLong(long address, long value) {
        memory.writeBufferLong(LE, address, value);
    }

    void writeByte(long address, byte value) {
        memory.writeBufferByte(address, value);
    }

    /** Writes a pointer-sized value (8 bytes on wasm64, 4 on wasm32). */
    void writePointer(long address, long value) {
        if (memory64) {
            writeLong(address, value);
        } else {
            writeInt(address, (int) value);
        }
    }

    long readPointer(long address) {
        return memory64 ? readLong(address) : Integer.toUnsignedLong(readInt(address));
    }

    /** The NUL-terminated UTF-8 string at {@code address}. */
    String cString(long address) {
        long limit = size();
        byte[] chunk = new byte[4096];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long at = address;
        while (at < limit) {
            int n = (int) Math.min(chunk.length, limit - at);
            memory.readBuffer(at, chunk, 0, n);
            for (int i = 0; i < n; i++) {
                if (chunk[i] == 0) {
                    out.write(chunk, 0, i);
                    return out.toString(StandardCharsets.UTF_8);
                }
            }
            out.write(chunk, 0, n);
            at += n;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    void copyWithin(long target, long source, long length) {
        copy.execute(address(target), address(source), address(length));
    }

    void zero(long address, long length) {
        fill.execute(address(address), 0, address(length));
    }

    /** Grows by {@code pages}; false when the module's maximum forbids it. */
    boolean growPages(long pages) {
        long previous = grow.execute(address(pages)).asLong();
        return previous != -1 && (memory64 || previous != 0xFFFFFFFFL);
    }
}
