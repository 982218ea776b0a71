package dev.ao4j.wasm;

/** A failure of the runtime itself (not of a process's code, which yields an Error result instead). */
public sealed class WasmRuntimeException extends Exception
        permits ModuleLoadException, UnsupportedModuleException, SnapshotException, InstanceFailedException,
        EvaluationTimeoutException {
    private static final long serialVersionUID = 1L;

    WasmRuntimeException(String message) {
        super(message);
    }

    WasmRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
