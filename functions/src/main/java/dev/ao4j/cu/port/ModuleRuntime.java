package dev.ao4j.cu.port;

/** Instantiates AO modules (wasm binaries) as live processes. */
public interface ModuleRuntime {
    /**
     * @param memoryLimit  bytes, already admitted against the CU's maximum
     * @param computeLimit gas, already admitted against the CU's maximum
     */
    record ModuleSpec(String moduleId, byte[] binary, String format, long memoryLimit, long computeLimit) {}

    boolean supports(String format);

    /** A fresh instance with its start-up code run (the Lua VM booted), memory as the module built it. */
    ProcessRuntime instantiate(ModuleSpec spec);

    /** CPU time the runtime's JIT compiler has used so far, never decreasing, in nanoseconds; -1 when not measured. */
    default long compilerCpuNanos() {
        return -1;
    }
}
