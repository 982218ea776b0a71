package dev.ao4j.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tiny wasm module, built here byte by byte, that imports a process's exported memory and exports
 * {@code grow}, {@code copy} and {@code fill} over it: the polyglot API reads and writes a memory but can
 * neither grow it nor move bytes within it in bulk.
 */
final class MemoryOps {
    private MemoryOps() {}

    /** The binary for a memory with 64-bit ({@code memory64}) or 32-bit addresses. */
    static byte[] binary(boolean memory64) {
        byte addr = memory64 ? (byte) 0x7E : (byte) 0x7F; // i64 : i32
        byte i32 = (byte) 0x7F;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        // types: 0 grow(addr)->addr; 1 copy(addr,addr,addr); 2 fill(addr,i32,addr)
        section(out, 1, new byte[] {0x03,
                0x60, 0x01, addr, 0x01, addr,
                0x60, 0x03, addr, addr, addr, 0x00,
                0x60, 0x03, addr, i32, addr, 0x00});
        // import "m" "mem" memory, min 0, no max (flag 0x04 = 64-bit index)
        section(out, 2, concat(new byte[] {0x01, 0x01, 'm', 0x03, 'm', 'e', 'm', 0x02, memory64 ? (byte) 0x04 : 0x00, 0x00}));
        section(out, 3, new byte[] {0x03, 0x00, 0x01, 0x02});
        section(out, 7, concat(new byte[] {0x03},
                name("grow"), new byte[] {0x00, 0x00},
                name("copy"), new byte[] {0x00, 0x01},
                name("fill"), new byte[] {0x00, 0x02}));
        byte[] grow = {0x00, 0x20, 0x00, 0x40, 0x00, 0x0B};
        byte[] copy = {0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, (byte) 0xFC, 0x0A, 0x00, 0x00, 0x0B};
        byte[] fill = {0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, (byte) 0xFC, 0x0B, 0x00, 0x0B};
        section(out, 10, concat(new byte[] {0x03},
                new byte[] {(byte) grow.length}, grow,
                new byte[] {(byte) copy.length}, copy,
                new byte[] {(byte) fill.length}, fill));
        return out.toByteArray();
    }

    private static byte[] name(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return concat(new byte[] {(byte) b.length}, b);
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] body) {
        out.write(id);
        out.write(body.length); // every section here is shorter than 128 bytes
        out.writeBytes(body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
