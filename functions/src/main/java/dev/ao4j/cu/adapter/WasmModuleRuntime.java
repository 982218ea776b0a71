package dev.ao4j.cu.adapter;

import dev.ao4j.metrics.UnitMetrics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.port.ModuleRuntime;
import dev.ao4j.cu.port.ProcessRuntime;
import dev.ao4j.wasm.AoModule;
import dev.ao4j.wasm.EvaluationTimeoutException;
import dev.ao4j.wasm.HandleResult;
import dev.ao4j.wasm.InstanceFailedException;
import dev.ao4j.wasm.Limits;
import dev.ao4j.wasm.ModuleFormat;
import dev.ao4j.wasm.ModuleLoadException;
import dev.ao4j.wasm.ProcessInstance;
import dev.ao4j.wasm.SnapshotException;
import dev.ao4j.wasm.UnsupportedModuleException;
import dev.ao4j.wasm.WasmEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The CU's module runtime over ao4j's GraalWasm runtime ({@code dev.ao4j.wasm}): one shared engine, each
 * module parsed once, one {@link ProcessInstance} per live process.
 *
 * <p>Images: the runtime's snapshot is a small header (magic, version, Module-Format, clock, memory size)
 * followed by exactly the gzipped memory. The CU keeps the gzipped memory as AO checkpoints carry it and the
 * clock beside it, and rebuilds the header to restore.
 */
public final class WasmModuleRuntime implements ModuleRuntime, AutoCloseable {
    private static final byte[] SNAPSHOT_MAGIC = {'A', 'O', '4', 'J', 'S', 'N', 'A', 'P'};
    private static final int SNAPSHOT_VERSION = 1;

    private final WasmEngine engine;
    private final UnitMetrics metrics;
    private final Map<String, AoModule> modules = new ConcurrentHashMap<>();

    public WasmModuleRuntime(WasmEngine engine) {
        this(engine, UnitMetrics.NONE);
    }

    public WasmModuleRuntime(WasmEngine engine, UnitMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @Override
    public boolean supports(String format) {
        return ModuleFormat.fromTag(format).map(ModuleFormat::supported).orElse(false);
    }

    @Override
    public ProcessRuntime instantiate(ModuleSpec spec) {
        try {
            AoModule module = module(spec);
            return new Instance(ProcessInstance.start(module, new Limits(spec.memoryLimit(), Math.max(1, spec.computeLimit()))),
                    module.format(), metrics);
        } catch (ModuleLoadException e) {
            throw CuException.unprocessable("module " + spec.moduleId() + " cannot be instantiated: " + e.getMessage());
        }
    }

    @Override
    public long compilerCpuNanos() {
        return engine.compilerCpuNanos();
    }

    private AoModule module(ModuleSpec spec) {
        AoModule cached = modules.get(spec.moduleId());
        if (cached != null) {
            return cached;
        }
        try {
            AoModule loaded = AoModule.load(engine, spec.binary(), ModuleFormat.require(spec.format()));
            modules.putIfAbsent(spec.moduleId(), loaded);
            return modules.get(spec.moduleId());
        } catch (UnsupportedModuleException e) {
            throw CuException.unprocessable(e.getMessage());
        } catch (ModuleLoadException e) {
            throw CuException.unprocessable("module " + spec.moduleId() + " does not load: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        modules.clear();
    }

    private static final class Instance implements ProcessRuntime {
        private final ProcessInstance instance;
        private final ModuleFormat format;
        private final UnitMetrics metrics;

        Instance(ProcessInstance instance, ModuleFormat format, UnitMetrics metrics) {
            this.metrics = metrics;
            this.instance = instance;
            this.format = format;
        }

        @Override
        public Outcome handle(ObjectNode msg, ObjectNode env, Duration deadline) {
            try {
                long start = System.nanoTime();
                HandleResult result = instance.handle(msg, env, deadline);
                metrics.evaluated(System.nanoTime() - start, result.failed());
                ObjectNode json = result.toJson();
                return new Outcome(json, result.failed());
            } catch (EvaluationTimeoutException e) {
                throw new DeadlinePassed(e.deadline());
            } catch (InstanceFailedException e) {
                throw failed(e);
            }
        }

        @Override
        public void cancel() {
            instance.cancel();
        }

        @Override
        public long memorySize() {
            return live(ProcessInstance::memorySize);
        }

        @Override
        public long residentBytes() {
            return live(ProcessInstance::residentBytes);
        }

        @Override
        public void hibernate() {
            live(p -> {
                p.hibernate();
                return null;
            });
        }

        /** A call on the instance, whose failure means the instance is gone ({@link Failed}). */
        private interface InstanceCall<T> {
            T on(ProcessInstance instance) throws InstanceFailedException;
        }

        private <T> T live(InstanceCall<T> call) {
            try {
                return call.on(instance);
            } catch (InstanceFailedException e) {
                throw failed(e);
            }
        }

        private static Failed failed(InstanceFailedException e) {
            return new Failed("the process instance failed: " + e.getMessage(), e);
        }

        @Override
        public Image image() {
            try {
                byte[] snapshot = instance.snapshot();
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
                    in.skipNBytes(SNAPSHOT_MAGIC.length + 4);
                    in.readUTF();
                    long clock = in.readLong();
                    in.readLong();
                    return new Image(in.readAllBytes(), clock);
                }
            } catch (InstanceFailedException e) {
                throw failed(e);
            } catch (IOException e) {
                throw new IllegalStateException("cannot take the process memory: " + e.getMessage(), e);
            }
        }

        @Override
        public void restore(Image image) {
            long clock = image.clock() != null ? image.clock() : image().clock();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.gzippedMemory().length + 64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(SNAPSHOT_MAGIC);
                out.writeInt(SNAPSHOT_VERSION);
                out.writeUTF(format.tagValue());
                out.writeLong(clock);
                out.writeLong(GzipSize.uncompressed(image.gzippedMemory()));
                out.write(image.gzippedMemory());
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory cannot fail", e);
            }
            try {
                instance.restore(bytes.toByteArray());
            } catch (SnapshotException e) {
                throw CuException.unprocessable("the checkpoint does not fit the module: " + e.getMessage());
            } catch (InstanceFailedException e) {
                throw failed(e);
            }
        }

        @Override
        public String memorySha256() {
            return live(ProcessInstance::memorySha256);
        }

        @Override
        public Optional<String> memorySha256Unless(BooleanSupplier abandon) {
            return Optional.ofNullable(live(p -> p.memorySha256(abandon)));
        }

        @Override
        public void close() {
            instance.close();
        }
    }
}
