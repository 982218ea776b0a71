package dev.ao4j.wasm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Gas instrumentation for the {@code *-metering} Module-Formats. The reference loader meters such a module
 * as it loads it: every straight run of instructions, cut after each branching instruction, is charged
 * before it runs with the summed cost of its instructions plus the cost of the charge itself, and the
 * evaluation fails once the gas used exceeds the Compute-Limit. This class charges the same amounts at the
 * same places, so {@code GasUsed} is the reference's to the unit.
 *
 * <p>The reference charges through an imported host function; here the charge is a function added to the
 * module itself that adds to a mutable global and traps past a limit global, so metered code stays inside
 * the wasm JIT. Appending functions and globals (rather than importing one) leaves every existing index
 * unchanged. Two exports drive it: {@value #RESET}{@code (limit)} zeroes the gas before a message, and
 * {@value #USED}{@code ()} reads it after.
 */
final class GasMetering {
    static final String RESET = "ao4j_gas_reset";
    static final String USED = "ao4j_gas_used";

    private static final int TYPE = 1, FUNCTION = 3, GLOBAL = 6, EXPORT = 7, CODE = 10;
    /** Where each known section goes (the binary format's order, data count before code). */
    private static final int[] ORDER_RANK = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};

    private static final byte I64 = 0x7E;
    /** What the reference charges for the charge itself: an {@code *.const} (1) and a {@code call} (90). */
    private static final long CHARGE_OVERHEAD = 91;

    private GasMetering() {}

    /** {@code wasm} with gas charges inserted; a module the reference could not meter is refused. */
    static byte[] instrument(byte[] wasm) throws ModuleLoadException {
        try {
            return new Rewrite(wasm).run();
        } catch (WasmFormatException e) {
            throw new ModuleLoadException("cannot meter the module: " + e.getMessage(), e);
        }
    }

    /** One pass over the module: sections copied, the five that change rebuilt. */
    private static final class Rewrite {
        private final WasmBytes in;
        private int typeCount, importedFunctions, definedFunctions, importedGlobals, definedGlobals;
        private final List<Section> sections = new ArrayList<>();

        private record Section(int id, byte[] body) {}

        Rewrite(byte[] wasm) {
            this.in = new WasmBytes(wasm);
        }

        byte[] run() {
            if (in.length() < 8 || in.u8() != 0 || in.u8() != 'a' || in.u8() != 's' || in.u8() != 'm') {
                throw new WasmFormatException("no \\0asm header");
            }
            in.skip(4);
            while (!in.atEnd()) {
                int id = in.u8();
                int size = in.u32();
                sections.add(new Section(id, in.bytes(size)));
            }
            for (Section s : sections) {
                count(s);
            }
            int chargeType = typeCount;
            int usedType = typeCount + 1;
            int charge = importedFunctions + definedFunctions;
            int gasGlobal = importedGlobals + definedGlobals;
            int limitGlobal = gasGlobal + 1;

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
            for (int id : new int[] {GLOBAL, EXPORT}) {
                if (sections.stream().noneMatch(s -> s.id == id)) {
                    insertEmpty(id);
                }
            }
            for (Section s : sections) {
                byte[] body = switch (s.id) {
                    // (i64) -> () for the charge and the reset; () -> i64 for the reading.
                    case TYPE -> appendToVector(s.body, 2, new byte[] {0x60, 0x01, I64, 0x00, 0x60, 0x00, 0x01, I64});
                    case FUNCTION -> appendToVector(s.body, 3, WasmBytes.concat(
                            WasmBytes.u32(chargeType), WasmBytes.u32(chargeType), WasmBytes.u32(usedType)));
                    // gas used = 0 and limit = max: the start-up code (ctors) runs unlimited.
                    case GLOBAL -> appendToVector(s.body, 2, new byte[] {
                            I64, 0x01, 0x42, 0x00, 0x0B,
                            I64, 0x01, 0x42, 0x7F, 0x0B}); // -1: the unsigned maximum
                    case EXPORT -> appendToVector(s.body, 2, WasmBytes.concat(
                            WasmBytes.name(RESET), new byte[] {0x00}, WasmBytes.u32(charge + 1),
                            WasmBytes.name(USED), new byte[] {0x00}, WasmBytes.u32(charge + 2)));
                    case CODE -> code(s.body, charge, gasGlobal, limitGlobal);
                    default -> s.body;
                };
                out.write(s.id);
                out.writeBytes(WasmBytes.u32(body.length));
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        private void count(Section s) {
            WasmBytes b = new WasmBytes(s.body);
            switch (s.id) {
                case TYPE -> typeCount = b.u32();
                case FUNCTION -> definedFunctions = b.u32();
                case GLOBAL -> definedGlobals = b.u32();
                case 2 -> {
                    int n = b.u32();
                    for (int i = 0; i < n; i++) {
                        b.skip(b.u32());
                        b.skip(b.u32());
                        int kind = b.u8();
                        switch (kind) {
                            case 0 -> { b.u32(); importedFunctions++; }
                            case 1 -> { b.u8(); limits(b); }
                            case 2 -> limits(b);
                            case 3 -> { b.u8(); b.u8(); importedGlobals++; }
                            default -> throw new WasmFormatException("import of unknown kind " + kind);
                        }
                    }
                }
                default -> { }
            }
        }

        private static void limits(WasmBytes b) {
            int flags = b.u8();
            b.u64();
            if ((flags & 1) != 0) {
                b.u64();
            }
        }

        private void insertEmpty(int id) {
            int at = 0;
            while (at < sections.size() && (sections.get(at).id == 0 || rank(sections.get(at).id) < rank(id))) {
                at++;
            }
            sections.add(at, new Section(id, new byte[] {0x00}));
        }

        private static int rank(int id) {
            return id < ORDER_RANK.length ? ORDER_RANK[id] : Integer.MAX_VALUE;
        }

        /** A vector section with {@code addedCount} encoded entries ({@code added}) appended. */
        private static byte[] appendToVector(byte[] body, int addedCount, byte[] added) {
            WasmBytes b = new WasmBytes(body);
            int count = b.u32();
            return WasmBytes.concat(WasmBytes.u32(count + addedCount), b.rest(), added);
        }

        private byte[] code(byte[] body, int charge, int gasGlobal, int limitGlobal) {
            WasmBytes b = new WasmBytes(body);
            int n = b.u32();
            if (n != definedFunctions) {
                throw new WasmFormatException("the code section has " + n + " bodies for " + definedFunctions + " functions");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(WasmBytes.u32(n + 3));
            for (int i = 0; i < n; i++) {
                byte[] metered = meterBody(b.bytes(b.u32()), charge);
                out.writeBytes(WasmBytes.u32(metered.length));
                out.writeBytes(metered);
            }
            byte[] g = WasmBytes.u32(gasGlobal), l = WasmBytes.u32(limitGlobal);
            // charge(n): gas += n; if gas > limit (unsigned) trap
            out.writeBytes(body(WasmBytes.concat(
                    new byte[] {0x23}, g, new byte[] {0x20, 0x00, 0x7C, 0x24}, g,
                    new byte[] {0x23}, g, new byte[] {0x23}, l, new byte[] {0x56, 0x04, 0x40, 0x00, 0x0B})));
            // reset(limit): gas = 0; limit = limit
            out.writeBytes(body(WasmBytes.concat(
                    new byte[] {0x42, 0x00, 0x24}, g, new byte[] {0x20, 0x00, 0x24}, l)));
            // used(): gas
            out.writeBytes(body(WasmBytes.concat(new byte[] {0x23}, g)));
            return out.toByteArray();
        }

        /** A function body without locals ending in {@code end}, size-prefixed. */
        private static byte[] body(byte[] instructions) {
            byte[] b = WasmBytes.concat(new byte[] {0x00}, instructions, new byte[] {0x0B});
            return WasmBytes.concat(WasmBytes.u32(b.length), b);
        }

        /** One function body with a charge before each run of instructions that costs anything. */
        private static byte[] meterBody(byte[] body, int charge) {
            WasmBytes b = new WasmBytes(body);
            int localGroups = b.u32();
            for (int i = 0; i < localGroups; i++) {
                b.u32();
                b.u8();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / 4);
            out.write(body, 0, b.position());
            byte[] chargeCall = WasmBytes.concat(new byte[] {0x10}, WasmBytes.u32(charge));
            while (!b.atEnd()) {
                int runStart = b.position();
                long cost = 0;
                boolean branch = false;
                while (!branch) {
                    if (b.atEnd()) {
                        throw new WasmFormatException("a function body does not end with 'end'");
                    }
                    int opcode = b.u8();
                    cost += GasCosts.cost(opcode);
                    branch = GasCosts.endsRun(opcode);
                    GasCosts.skipImmediates(opcode, b);
                }
                if (cost != 0) {
                    out.write(0x42);
                    out.writeBytes(WasmBytes.s64(cost + CHARGE_OVERHEAD));
                    out.writeBytes(chargeCall);
                }
                out.write(body, runStart, b.position() - runStart);
            }
            return out.toByteArray();
        }
    }
}
