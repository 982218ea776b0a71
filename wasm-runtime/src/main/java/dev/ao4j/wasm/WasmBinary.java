package dev.ao4j.wasm;

/**
 * Facts read from a wasm binary's sections without instantiating it: whether its memory (defined or imported) is
 * a 64-bit memory (the memory64 limits flag).
 */
public final class WasmBinary {
    private static final int MEMORY64_FLAG = 0x04;

    private WasmBinary() {}

    /** True for memory64; false for a 32-bit memory or none. Throws IllegalArgumentException if not wasm. */
    public static boolean isMemory64(byte[] wasm) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a wasm binary");
        }
        Reader in = new Reader(wasm, 8);
        while (in.pos < wasm.length) {
            int section = in.u8();
            long size = in.leb();
            int end = Math.toIntExact(in.pos + size);
            if (section == 2) {
                long count = in.leb();
                for (long i = 0; i < count; i++) {
                    in.skipName();
                    in.skipName();
                    int kind = in.u8();
                    switch (kind) {
                        case 0 -> in.leb();
                        case 1 -> {
                            in.u8();
                            in.limits();
                        }
                        case 2 -> {
                            return (in.limits() & MEMORY64_FLAG) != 0;
                        }
                        case 3 -> in.pos += 2;
                        case 4 -> {
                            in.u8();
                            in.leb();
                        }
                        default -> throw new IllegalArgumentException("unknown import kind " + kind);
                    }
                }
            } else if (section == 5) {
                return in.leb() > 0 && (wasm[in.pos] & MEMORY64_FLAG) != 0;
            }
            in.pos = end;
        }
        return false;
    }

    private static final class Reader {
        final byte[] bytes;
        int pos;

        Reader(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        int u8() {
            return bytes[pos++] & 0xff;
        }

        long leb() {
            long result = 0;
            int shift = 0;
            int b;
            do {
                b = u8();
                result |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return result;
        }

        void skipName() {
            int length = Math.toIntExact(leb());
            pos += length;
        }

        /** Reads limits and returns their flags. */
        int limits() {
            int flags = u8();
            leb();
            if ((flags & 1) != 0) {
                leb();
            }
            return flags;
        }
    }
}
