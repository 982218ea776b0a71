package dev.ao4j.wasm;

/** A wasm binary that does not decode: truncated, an over-long LEB128, or an instruction this code does not know. */
final class WasmFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WasmFormatException(String message) {
        super(message);
    }
}
