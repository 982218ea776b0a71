package dev.ao4j.wasm;

/**
 * The reference metering's price list, by opcode. The reference names an instruction by what follows the
 * type in its text name ({@code i32.add} → {@code add}) and looks that name up in its default cost table;
 * a name missing from the table costs 0 (so {@code f32.div}, {@code f64.lt}, every conversion and
 * {@code end} are free, while {@code add}, {@code eq} and {@code mul} cost the same for floats as for
 * integers). It decodes only the MVP instruction set plus sign extension (0x00–0xC4): a module using any
 * other instruction cannot be metered by it, and is refused here too.
 */
final class GasCosts {
    private static final int[] COST = new int[0xC5];
    private static final boolean[] KNOWN = new boolean[0xC5];

    static {
        price(1, 0x00, 0x01, 0x02, 0x03, 0x04, 0x41, 0x42, 0x43, 0x44);      // unreachable nop block loop if, const
        price(90, 0x05, 0x0C, 0x0D, 0x0F, 0x10);                              // else br br_if return call
        price(120, 0x0E, 0x1A, 0x1B, 0x20, 0x21, 0x22, 0x23, 0x24);          // br_table drop select, locals, globals
        price(10_000, 0x11, 0x40);                                            // call_indirect, grow_memory
        price(100, 0x3F);                                                     // current_memory
        price(0, 0x0B);                                                       // end
        for (int op = 0x28; op <= 0x3E; op++) {
            price(120, op);                                                   // loads and stores
        }
        // Integer comparisons (eqz, eq, ne, lt/gt/le/ge _s/_u) of i32 and i64.
        for (int op = 0x45; op <= 0x5A; op++) {
            price(45, op);
        }
        // Float comparisons: only eq and ne are in the table.
        price(45, 0x5B, 0x5C, 0x61, 0x62);
        price(0, 0x5D, 0x5E, 0x5F, 0x60, 0x63, 0x64, 0x65, 0x66);
        integerArithmetic(0x67);
        integerArithmetic(0x79);
        floatArithmetic(0x8B);
        floatArithmetic(0x99);
        for (int op = 0xA7; op <= 0xC4; op++) {
            price(0, op);                                                     // conversions, reinterpretations, sign extension
        }
    }

    /** clz ctz popcnt add sub mul div_s div_u rem_s rem_u and or xor shl shr_s shr_u rotl rotr. */
    private static void integerArithmetic(int first) {
        int[] costs = {45, 45, 45, 45, 45, 45, 36_000, 36_000, 36_000, 36_000, 45, 45, 45, 67, 67, 67, 90, 90};
        for (int i = 0; i < costs.length; i++) {
            price(costs[i], first + i);
        }
    }

    /** abs neg ceil floor trunc nearest sqrt add sub mul div min max copysign: only add, sub and mul are priced. */
    private static void floatArithmetic(int first) {
        int[] costs = {0, 0, 0, 0, 0, 0, 0, 45, 45, 45, 0, 0, 0, 0};
        for (int i = 0; i < costs.length; i++) {
            price(costs[i], first + i);
        }
    }

    private static void price(int cost, int... opcodes) {
        for (int op : opcodes) {
            COST[op] = cost;
            KNOWN[op] = true;
        }
    }

    private GasCosts() {}

    static int cost(int opcode) {
        if (opcode >= KNOWN.length || !KNOWN[opcode]) {
            throw new WasmFormatException(String.format("instruction 0x%02X is outside the instruction set gas metering"
                    + " knows (the MVP and sign extension)", opcode));
        }
        return COST[opcode];
    }

    /** Whether a charged run ends after this instruction: a branch, a block boundary or a memory growth. */
    static boolean endsRun(int opcode) {
        return switch (opcode) {
            case 0x03, 0x04, 0x05, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x40 -> true;
            default -> false;
        };
    }

    /** Moves {@code b} past the immediates of {@code opcode} (already read). */
    static void skipImmediates(int opcode, WasmBytes b) {
        switch (opcode) {
            case 0x02, 0x03, 0x04 -> b.signed(5);                            // block type (s33)
            case 0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24 -> b.u32();
            case 0x0E -> {
                int targets = b.u32();
                for (int i = 0; i <= targets; i++) {
                    b.u32();
                }
            }
            case 0x11 -> { b.u32(); b.u32(); }                                // type, table
            case 0x3F, 0x40 -> b.u32();                                       // memory index
            case 0x41 -> b.signed(5);
            case 0x42 -> b.signed(10);
            case 0x43 -> b.skip(4);
            case 0x44 -> b.skip(8);
            default -> {
                if (opcode >= 0x28 && opcode <= 0x3E) {                        // memarg: align, offset (u64 for memory64)
                    b.u32();
                    b.u64();
                }
            }
        }
    }
}
