package dev.ao4j.wasm;

import java.time.Duration;

/**
 * A message ran past its wall-clock deadline and was cancelled. Unlike an Error result this is not an outcome of
 * the message: another machine might have finished it. The instance is back exactly where it was before the
 * message (memory and clock) and keeps serving.
 */
public final class EvaluationTimeoutException extends WasmRuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration deadline;

    public EvaluationTimeoutException(Duration deadline) {
        super("the evaluation ran longer than " + deadline.toMillis() + " ms and was cancelled");
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }
}
