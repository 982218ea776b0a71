package dev.ao4j.wasm;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code Module-Format} tag values of AO process modules, with what the runtime needs to know about each:
 * pointer width, whether the binary is Asyncify-instrumented, whether it is gas-metered, and the heap cap that
 * the reference glue hard-codes for it.
 */
public enum ModuleFormat {
    WASM32_EMSCRIPTEN("wasm32-unknown-emscripten", false, false, false, 500L * 1024 * 1024, false),
    WASM32_EMSCRIPTEN2("wasm32-unknown-emscripten2", false, false, false, 500L * 1024 * 1024, false),
    WASM32_EMSCRIPTEN3("wasm32-unknown-emscripten3", false, false, false, 4294901760L, false),
    WASM32_EMSCRIPTEN4("wasm32-unknown-emscripten4", false, true, false, 4294901760L, true),
    WASM32_EMSCRIPTEN_METERING("wasm32-unknown-emscripten-metering", false, true, true, 4294901760L, true),
    WASM64_EMSCRIPTEN_DRAFT_2024_02_15("wasm64-unknown-emscripten-draft_2024_02_15", true, true, false, 17179869184L, true),
    WASM64_EMSCRIPTEN_DRAFT_2024_10_16_METERING("wasm64-unknown-emscripten-draft_2024_10_16-metering", true, true, true, 17179869184L, true);

    private final String tagValue;
    private final boolean memory64;
    private final boolean asyncify;
    private final boolean metering;
    private final long heapMax;
    private final boolean supported;

    ModuleFormat(String tagValue, boolean memory64, boolean asyncify, boolean metering, long heapMax, boolean supported) {
        this.tagValue = tagValue;
        this.memory64 = memory64;
        this.asyncify = asyncify;
        this.metering = metering;
        this.heapMax = heapMax;
        this.supported = supported;
    }

    /** The exact {@code Module-Format} tag value. */
    public String tagValue() {
        return tagValue;
    }

    /** wasm64 (memory64, 64-bit pointers) rather than wasm32. */
    public boolean memory64() {
        return memory64;
    }

    /** The binary is Asyncify-instrumented (the WeaveDrive imports may suspend). */
    public boolean asyncify() {
        return asyncify;
    }

    /** The format is gas-metered: the binary is instrumented on load ({@link GasMetering}) and Compute-Limit applies. */
    public boolean metering() {
        return metering;
    }

    /** The heap cap the reference glue hard-codes for this format, in bytes. */
    public long heapMax() {
        return heapMax;
    }

    /**
     * Whether this runtime can run modules of this format. The older wasm32 formats use minified or
     * different glue, and no module of theirs is available to test against.
     */
    public boolean supported() {
        return supported;
    }

    /** The format with this tag value, if any. */
    public static Optional<ModuleFormat> fromTag(String tagValue) {
        return Arrays.stream(values()).filter(f -> f.tagValue.equals(tagValue)).findFirst();
    }

    /** The format with this tag value, or a {@link UnsupportedModuleException} naming the known ones. */
    public static ModuleFormat require(String tagValue) throws UnsupportedModuleException {
        ModuleFormat format = fromTag(tagValue).orElseThrow(() -> new UnsupportedModuleException(
                "unknown Module-Format '" + tagValue + "'; known: " + Arrays.stream(values()).map(ModuleFormat::tagValue).toList()));
        if (!format.supported) {
            throw new UnsupportedModuleException("Module-Format '" + tagValue + "' is not supported by this runtime");
        }
        return format;
    }
}
