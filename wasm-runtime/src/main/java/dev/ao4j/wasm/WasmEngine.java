package dev.ao4j.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Engine;
import org.jboss.logging.Logger;

/**
 * The one GraalWasm engine shared by every module and process (compiled code is cached per engine).
 * Memory64 is on for every context (it also runs wasm32 modules). When the optimizing compiler is not
 * available (a stock JDK without the JVMCI flags) the engine runs interpreted, about two orders of magnitude
 * slower; this is logged loudly and reported by {@link #optimizing()}.
 */
public final class WasmEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WasmEngine.class);

    private final Engine engine;
    private final boolean optimizing;
    private final String implementationName;
    private final CompilerClock compilerClock = new CompilerClock();

    private WasmEngine(Engine engine, boolean optimizing) {
        this.engine = engine;
        this.optimizing = optimizing;
        this.implementationName = engine.getImplementationName();
    }

    /** Builds the engine and logs a warning when it runs interpreted. */
    public static WasmEngine create() {
        // The engine's own warnings (e.g. the interpreter fallback notice) go to a buffer, not to stderr, unless a
        // polyglot.log.file is given (e.g. with -Dpolyglot.engine.TraceCompilation=true to study the JIT).
        ByteArrayOutputStream engineLog = new ByteArrayOutputStream();
        Engine.Builder builder = Engine.newBuilder("wasm")
                .allowExperimentalOptions(true)
                .option("wasm.Memory64", "true")
                .option("wasm.UseUnsafeMemory", "true")
                .option("engine.WarnInterpreterOnly", "false");
        if (System.getProperty("polyglot.log.file") == null) {
            builder.logHandler(engineLog);
        }
        Engine engine = builder.build();
        boolean optimizing = isOptimizing(engine);
        WasmEngine wasmEngine = new WasmEngine(engine, optimizing);
        if (!optimizing) {
            LOG.warnf("GraalWasm is running INTERPRETED (%s): AO processes will run about 100x slower. Start the JVM with"
                    + " the Graal compiler as a JVMCI upgrade module (./ao4j does; see the wasm runtime README: "
                    + "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=<compiler jar> "
                    + "--module-path=<its dependencies> --add-modules=ALL-MODULE-PATH). %s",
                    engine.getImplementationName(), engineLog.toString(StandardCharsets.UTF_8).trim());
        } else {
            LOG.infof("GraalWasm runs with the optimizing compiler (%s)", engine.getImplementationName());
        }
        return wasmEngine;
    }

    private static boolean isOptimizing(Engine engine) {
        // "Interpreted" is the fallback runtime's name; the optimizing runtimes are named after the compiler.
        String name = engine.getImplementationName();
        return name != null && !name.toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    }

    /** True when GraalWasm compiles hot code with the Graal compiler. */
    public boolean optimizing() {
        return optimizing;
    }

    /** The Truffle runtime's name, e.g. "Oracle GraalVM" or "Interpreted". */
    public String implementationName() {
        return implementationName;
    }

    /**
     * CPU time the JIT compiler's threads have used since the engine was built, in nanoseconds; it never decreases,
     * also when an idle compiler thread ends. -1 where the JVM does not measure thread CPU time.
     */
    public long compilerCpuNanos() {
        return compilerClock.cpuNanos();
    }

    Engine polyglotEngine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
