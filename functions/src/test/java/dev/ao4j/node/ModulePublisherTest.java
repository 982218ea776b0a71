package dev.ao4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.testing.Compat;
import dev.ao4j.wasm.ModuleFormat;
import dev.ao4j.wasm.WasmBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModulePublisherTest {
    private static final Wallet PUBLISHER = Wallets.generate(WalletType.ED25519);

    @TempDir
    Path dir;

    @Test
    void publishesEachModuleOnceWithTheTagsSpawnChecksAndKeepsItsIdAcrossRestarts() throws Exception {
        Path modules = Files.createDirectories(dir.resolve("modules"));
        Files.write(modules.resolve("a.wasm"), wasm(true));
        Files.write(modules.resolve("b.wasm"), wasm(false));
        Files.write(modules.resolve("c.wasm"), wasm(false));
        List<ModuleSpec> catalog = List.of(
                new ModuleSpec("mod-a", "a.wasm", ModuleFormat.WASM64_EMSCRIPTEN_DRAFT_2024_02_15),
                new ModuleSpec("mod-b", "b.wasm", ModuleFormat.WASM32_EMSCRIPTEN4),
                new ModuleSpec("mod-missing", "missing.wasm", ModuleFormat.WASM32_EMSCRIPTEN4),
                new ModuleSpec("mod-wrong-width", "c.wasm", ModuleFormat.WASM64_EMSCRIPTEN_DRAFT_2024_02_15));
        Map<String, String> first;
        try (var store = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(Duration.ZERO))) {
            first = new ModulePublisher(store, PUBLISHER).publishAll(modules, catalog);
            assertEquals(List.of("mod-a", "mod-b"), List.copyOf(first.keySet()), "a missing file and a binary of the wrong width are skipped, order kept");
            StoredItem a = store.item(first.get("mod-a")).orElseThrow();
            assertEquals("ao", a.tag("Data-Protocol").orElseThrow());
            assertEquals("Module", a.tag("Type").orElseThrow());
            assertEquals("wasm64-unknown-emscripten-draft_2024_02_15", a.tag("Module-Format").orElseThrow());
            assertEquals("JSON-1", a.tag("Input-Encoding").orElseThrow());
            assertEquals("JSON-1", a.tag("Output-Encoding").orElseThrow());
            assertEquals("1-gb", a.tag("Memory-Limit").orElseThrow());
            assertEquals("9000000000000", a.tag("Compute-Limit").orElseThrow());
            assertEquals("ao.TN.1", a.tag("Variant").orElseThrow());
            assertEquals(PUBLISHER.address(), a.ownerAddress());
            assertEquals(wasm(true).length, store.data(a.id(), ByteRange.ALL).orElseThrow().bytes().length, "the data is the wasm binary");
            assertEquals("wasm32-unknown-emscripten4",
                    store.item(first.get("mod-b")).orElseThrow().tag("Module-Format").orElseThrow());
        }
        try (var store = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(Duration.ZERO))) {
            assertEquals(first, new ModulePublisher(store, PUBLISHER).publishAll(modules, catalog),
                    "after a restart the same modules have the same ids");
            byte[] changedA = java.util.Arrays.copyOf(wasm(true), wasm(true).length + 3);
            changedA[changedA.length - 2] = 1;  // an empty custom section: id 0, size 1, name length 0
            Files.write(modules.resolve("a.wasm"), changedA);
            Map<String, String> changed = new ModulePublisher(store, PUBLISHER).publishAll(modules, catalog);
            assertNotEquals(first.get("mod-a"), changed.get("mod-a"), "new bytes under a name are a new module");
            assertEquals(first.get("mod-b"), changed.get("mod-b"));
        }
    }

    /** A minimal module with one memory, 64-bit or not. */
    private static byte[] wasm(boolean memory64) {
        return new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 5, 3, 1, (byte) (memory64 ? 4 : 0), 1};
    }

    @Test
    void everyCatalogFormatMatchesTheBinarysMemoryWidth() throws Exception {
        for (ModuleSpec spec : ModuleCatalog.AOS) {
            byte[] wasm = Files.readAllBytes(Compat.module(spec.fileName()));
            assertEquals(spec.format().memory64(), WasmBinary.isMemory64(wasm),
                    spec.fileName() + " is published as " + spec.format().tagValue());
            assertTrue(spec.format().supported(), spec.name() + " has a format the CU runs");
        }
    }
}
