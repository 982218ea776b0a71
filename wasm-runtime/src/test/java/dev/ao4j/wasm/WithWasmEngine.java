package dev.ao4j.wasm;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One GraalWasm engine for all the tests of a class: creating one (and warming its compiler) is the slow part. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithWasmEngine {
    protected WasmEngine engine;

    @BeforeAll
    void createEngine() {
        engine = WasmEngine.create();
    }

    @AfterAll
    void closeEngine() {
        engine.close();
    }
}
