package dev.ao4j.node;

import dev.ao4j.wasm.ModuleFormat;

/**
 * One module the node publishes on start: the name users refer to it by ({@code aos-2.0.6}), the wasm file
 * in the modules directory, and its {@code Module-Format}.
 */
public record ModuleSpec(String name, String fileName, ModuleFormat format) {
    public ModuleSpec {
        if (name == null || name.isBlank() || fileName == null || fileName.isBlank() || format == null) {
            throw new IllegalArgumentException("a module needs a name, a file and a format");
        }
    }
}
