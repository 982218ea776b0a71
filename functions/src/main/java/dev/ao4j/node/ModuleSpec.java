package dev.ao4j.node;

import java.util.List;

import dev.ao4j.wasm.ModuleFormat;

/**
 * One module the node publishes on start: the name users refer to it by ({@code aos-2.0.6}), the wasm file
 * in the modules directory, its {@code Module-Format}, and the ids AO published the same binary under, which the
 * node answers with its own copy ({@link ModuleAliases}).
 */
public record ModuleSpec(String name, String fileName, ModuleFormat format, List<String> aoIds) {
    public ModuleSpec {
        if (name == null || name.isBlank() || fileName == null || fileName.isBlank() || format == null) {
            throw new IllegalArgumentException("a module needs a name, a file and a format");
        }
        aoIds = List.copyOf(aoIds);
    }

    public ModuleSpec(String name, String fileName, ModuleFormat format) {
        this(name, fileName, format, List.of());
    }
}
