package dev.ao4j.cu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.adapter.SqliteResultStore;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.cu.core.ModuleMeta;
import dev.ao4j.cu.port.Attestor;
import dev.ao4j.cu.port.BlockSource;
import dev.ao4j.cu.port.ItemCrypto;
import dev.ao4j.cu.port.ModuleRuntime;
import dev.ao4j.cu.port.ModuleSource;
import dev.ao4j.cu.port.ResultStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A ComputeService over a {@link FakeSu}, a {@link CountingRuntime} and a real SQLite result store. */
final class PipelineHarness implements AutoCloseable {
    final FakeSu su;
    final CountingRuntime runtime = new CountingRuntime();
    final ModuleRuntime moduleRuntime;
    final MemoryCheckpoints checkpoints;
    final List<BlockSource.Block> blocks = new ArrayList<>();
    final List<Tag> moduleTags;
    final ResultStore results;
    final ComputeService compute;

    PipelineHarness(Path dir, FakeSu su, CuSettings settings, MemoryCheckpoints checkpoints, List<Tag> moduleTags) {
        this(dir, su, settings, checkpoints, moduleTags, null, null);
    }

    /** With a real module runtime and binary (null: the counting runtime). */
    PipelineHarness(Path dir, FakeSu su, CuSettings settings, MemoryCheckpoints checkpoints, List<Tag> moduleTags,
                    ModuleRuntime real, byte[] binary) {
        this(new SqliteResultStore(dir.resolve("results-" + System.nanoTime() + ".db")), su, settings, checkpoints,
                moduleTags, real, binary);
    }

    /**
     * A CU on the result store in {@code resultsDb} with no checkpoint: a second one on the same file is the CU after
     * a kill -9 that came before any checkpoint.
     */
    static PipelineHarness onResults(Path resultsDb, FakeSu su, CuSettings settings) {
        return new PipelineHarness(new SqliteResultStore(resultsDb), su, settings, new MemoryCheckpoints(), moduleTags(),
                null, null);
    }

    private PipelineHarness(ResultStore results, FakeSu su, CuSettings settings, MemoryCheckpoints checkpoints,
                            List<Tag> moduleTags, ModuleRuntime real, byte[] binary) {
        this.su = su;
        this.moduleRuntime = real != null ? real : runtime;
        this.checkpoints = checkpoints;
        this.moduleTags = moduleTags;
        this.results = results;
        ModuleSource modules = new ModuleSource() {
            @Override
            public Optional<ModuleMeta> meta(String moduleId) {
                return Optional.of(new ModuleMeta(moduleId, "O".repeat(43), moduleTags));
            }

            @Override
            public byte[] binary(String moduleId) {
                return binary != null ? binary : new byte[] {0, 'a', 's', 'm'};
            }
        };
        ItemCrypto crypto = new ItemCrypto() {
            @Override
            public Optional<String> assignmentSigner(JsonNode assignment) {
                return assignment.path("signature").asText().equals("ok")
                        ? Optional.of(assignment.path("owner").path("address").asText()) : Optional.empty();
            }

            @Override
            public String contentHash(String target, String anchor, List<Tag> tags, byte[] data) {
                return target + "|" + anchor + "|" + tags + "|" + new String(data, StandardCharsets.UTF_8);
            }
        };
        Attestor attestor = new Attestor() {
            @Override
            public String address() {
                return "C".repeat(43);
            }

            @Override
            public Attestation attest(ResultStore.Evaluation evaluation) {
                return new Attestation("att-" + evaluation.ordinate(), evaluation.result().getBytes(StandardCharsets.UTF_8));
            }
        };
        this.compute = new ComputeService(processId -> su, modules, moduleRuntime, results, checkpoints,
                (min, max) -> blocks.stream().filter(b -> b.height() >= min && b.height() <= max).toList(), crypto,
                id -> Optional.empty(), attestor, settings, () -> 42L);
    }

    static List<Tag> moduleTags() {
        return List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Module"),
                new Tag("Module-Format", "wasm32-unknown-emscripten4"), new Tag("Memory-Limit", "1-gb"),
                new Tag("Compute-Limit", "9000000000000"));
    }

    @Override
    public void close() {
        compute.close();
        results.close();
    }
}
