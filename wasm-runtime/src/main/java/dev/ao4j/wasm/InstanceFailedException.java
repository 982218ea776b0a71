package dev.ao4j.wasm;

/** The instance is closed, or could not be brought back to its last good state; it must be recreated. */
public final class InstanceFailedException extends WasmRuntimeException {
    private static final long serialVersionUID = 1L;

    public InstanceFailedException(String message) {
        super(message);
    }

    public InstanceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
