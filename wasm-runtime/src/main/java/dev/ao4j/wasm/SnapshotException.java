package dev.ao4j.wasm;

/** A memory snapshot is malformed, truncated, or made for another module format. */
public final class SnapshotException extends WasmRuntimeException {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
