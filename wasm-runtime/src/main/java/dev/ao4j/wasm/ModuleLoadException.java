package dev.ao4j.wasm;

/** The module bytes do not parse, or the module cannot be instantiated with the ao imports. */
public final class ModuleLoadException extends WasmRuntimeException {
    private static final long serialVersionUID = 1L;

    public ModuleLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModuleLoadException(String message) {
        super(message);
    }
}
