package dev.ao4j.wasm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * A parsed AO module (bytes + Module-Format) on a shared {@link WasmEngine}. The engine caches the parsed
 * and compiled code per source, so every {@link ProcessInstance} of the module reuses it.
 */
public final class AoModule {
    private final WasmEngine engine;
    private final ModuleFormat format;
    private final Source source;
    private final Source memoryOps;
    private final String sha256;

    private AoModule(WasmEngine engine, ModuleFormat format, Source source, Source memoryOps, String sha256) {
        this.engine = engine;
        this.format = format;
        this.source = source;
        this.memoryOps = memoryOps;
        this.sha256 = sha256;
    }

    /**
     * Parses {@code wasm} as a module of {@code format}; fails with a {@link ModuleLoadException} when the bytes
     * are not a valid module (the imports are checked when a process is started).
     */
    public static AoModule load(WasmEngine engine, byte[] wasm, ModuleFormat format) throws ModuleLoadException, UnsupportedModuleException {
        if (!format.supported()) {
            throw new UnsupportedModuleException("Module-Format '" + format.tagValue() + "' is not supported by this runtime");
        }
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new ModuleLoadException("not a WebAssembly binary (no \\0asm header)");
        }
        String sha = sha256(wasm);
        byte[] code = format.metering() ? GasMetering.instrument(wasm) : wasm.clone();
        Source source = Source.newBuilder("wasm", ByteSequence.create(code), "ao-module-" + sha.substring(0, 12)).buildLiteral();
        Source ops = Source.newBuilder("wasm", ByteSequence.create(MemoryOps.binary(format.memory64())),
                format.memory64() ? "ao-memory-ops-64" : "ao-memory-ops-32").buildLiteral();
        try (Context probe = Context.newBuilder("wasm").engine(engine.polyglotEngine()).build()) {
            probe.eval(source);
        } catch (PolyglotException e) {
            throw new ModuleLoadException("the module does not parse as " + format.tagValue() + ": " + e.getMessage(), e);
        }
        return new AoModule(engine, format, source, ops, sha);
    }

    public ModuleFormat format() {
        return format;
    }

    /** Hex SHA-256 of the module bytes (as published, before any gas instrumentation). */
    public String sha256() {
        return sha256;
    }

    WasmEngine engine() {
        return engine;
    }

    Source source() {
        return source;
    }

    Source memoryOpsSource() {
        return memoryOps;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
