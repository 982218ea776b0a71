package dev.ao4j.cu.core;

import dev.ao4j.protocol.ProcessMeta;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Admits a process to this CU as AO's does: the module format must be supported (else 422); Memory-Limit
 * and Compute-Limit must be declared by the process or its module, the process's tag winning, and be at
 * most the CU's maxima (else 413).
 */
public final class Admission {
    private static final Map<String, Long> BYTE_UNITS = Map.of("b", 1L, "kb", 1L << 10, "mb", 1L << 20, "gb", 1L << 30,
            "tb", 1L << 40, "pb", 1L << 50);

    private Admission() {}

    public record Limits(String format, long memoryLimit, long computeLimit) {}

    public static Limits admit(ProcessMeta process, ModuleMeta module, CuSettings settings, boolean runtimeSupports) {
        String format = module.format();
        if (!settings.supportedFormats().contains(format) || !runtimeSupports) {
            throw CuException.unprocessable("module " + module.id() + " has Module-Format '" + format
                    + "', which this CU does not support");
        }
        String memoryTag = declared(process, module, "Memory-Limit");
        BigDecimal memoryBytes = parseBytes(memoryTag);
        if (memoryBytes.signum() <= 0) {
            throw CuException.tooLarge("Memory-Limit " + memoryTag + " of process " + process.id() + " is not positive");
        }
        if (memoryBytes.compareTo(BigDecimal.valueOf(settings.maxMemoryLimit())) > 0) {
            throw CuException.tooLarge("Memory-Limit " + memoryTag + " of process " + process.id()
                    + " is above this CU's maximum of " + settings.maxMemoryLimit() + " bytes");
        }
        String computeTag = declared(process, module, "Compute-Limit");
        long compute;
        try {
            compute = new BigDecimal(computeTag.replace("_", "").trim()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw CuException.tooLarge("Compute-Limit '" + computeTag + "' of process " + process.id() + " is not an integer");
        }
        if (compute > settings.maxComputeLimit() || compute < 0) {
            throw CuException.tooLarge("Compute-Limit " + computeTag + " of process " + process.id()
                    + " is above this CU's maximum of " + settings.maxComputeLimit());
        }
        return new Limits(format, memoryBytes.longValue(), compute);
    }

    private static String declared(ProcessMeta process, ModuleMeta module, String name) {
        Optional<String> value = process.tag(name).or(() -> module.tag(name));
        return value.orElseThrow(() -> CuException.tooLarge(name + " not found on process " + process.id()
                + " nor on its module " + module.id()));
    }

    /** {@code 512-mb}, {@code 1-gb}, {@code 1024-b} or a plain number of bytes (units are powers of 1024). */
    static BigDecimal parseBytes(String text) {
        String compact = text.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < compact.length() && (Character.isDigit(compact.charAt(split)) || compact.charAt(split) == '.')) {
            split++;
        }
        String unit = compact.substring(split);
        Long multiplier = unit.isEmpty() ? Long.valueOf(1) : BYTE_UNITS.get(unit);
        if (split == 0 || multiplier == null) {
            throw CuException.tooLarge("Memory-Limit '" + text + "' is not a size such as 1-gb or 512-mb");
        }
        try {
            // Compared as a BigDecimal: a huge value must not wrap around to a small or negative long.
            return new BigDecimal(compact.substring(0, split)).multiply(BigDecimal.valueOf(multiplier))
                    .setScale(0, java.math.RoundingMode.FLOOR);
        } catch (NumberFormatException e) {
            throw CuException.tooLarge("Memory-Limit '" + text + "' is not a size such as 1-gb or 512-mb");
        }
    }
}
