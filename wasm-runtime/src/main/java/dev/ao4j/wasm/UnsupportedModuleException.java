package dev.ao4j.wasm;

/** The Module-Format (or an extension the process asks for) is not one this runtime runs. */
public final class UnsupportedModuleException extends WasmRuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedModuleException(String message) {
        super(message);
    }
}
