package dev.ao4j.testing;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Signer;
import dev.ao4j.node.ModuleItems;
import java.nio.file.Files;

/** A real aos build from compat/modules as an AO {@code Type: Module} item, with the tags a CU admits. */
public final class AosModules {
    /** The wasm32 aos build: far smaller memory than wasm64, so tests can run many processes. */
    public static final String AOS_32 = "aos2_0_4_32.wasm";
    public static final String AOS_32_FORMAT = "wasm32-unknown-emscripten4";

    private AosModules() {}

    public static DataItem item(Signer signer, String fileName, String format) throws Exception {
        byte[] wasm = Files.readAllBytes(Compat.module(fileName));
        return ModuleItems.sign(signer, wasm, format);
    }
}
