package dev.ao4j.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tests (and ./ao4j) must run GraalWasm with the optimizing compiler, not the interpreter fallback. */
class GraalJitTest {
    @Test
    void engineRunsWithTheOptimizingCompiler() {
        try (WasmEngine engine = WasmEngine.create()) {
            assertTrue(engine.optimizing(), "GraalWasm runs interpreted (" + engine.implementationName()
                    + "): the JVM lacks the JVMCI flags of graal.jit.argLine");
        }
    }
}
