package dev.ao4j.node;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.store.TagFilter;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.wasm.WasmBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Puts module binaries on the permanent store as signed {@code Type: Module} data items with the tags AO's
 * units and aoconnect's {@code spawn} check. Publishing is idempotent: a module already published by the same
 * wallet under the same name with the same bytes ({@code Content-SHA-256}) keeps its id, so a restart on the
 * same data directory (or the same store) names the same modules.
 */
public final class ModulePublisher {
    private static final Logger LOG = Logger.getLogger(ModulePublisher.class);

    private final Permastore store;
    private final Wallet wallet;

    public ModulePublisher(Permastore store, Wallet wallet) {
        this.store = store;
        this.wallet = wallet;
    }

    /** Publishes every module of the catalog found in {@code dir}; missing files are skipped. Name → id. */
    public Map<String, String> publishAll(Path dir, List<ModuleSpec> catalog) throws PermastoreException, IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (ModuleSpec spec : catalog) {
            Path file = dir.resolve(spec.fileName());
            if (!Files.isRegularFile(file)) {
                LOG.debugf("module %s: %s not found, skipped", spec.name(), file);
                continue;
            }
            byte[] wasm = Files.readAllBytes(file);
            if (WasmBinary.isMemory64(wasm) != spec.format().memory64()) {
                LOG.warnf("module %s: %s is not a %s binary, skipped", spec.name(), file, spec.format().tagValue());
                continue;
            }
            ids.put(spec.name(), publish(spec, wasm));
        }
        if (ids.isEmpty()) {
            LOG.warnf("no modules found in %s (compat/fetch-modules.sh fetches them, as ./ao4j up does; or set ao4j.node.modules-dir): spawn needs a module id", dir);
        }
        return ids;
    }

    /** The id of the module item for these bytes under this name, publishing it first if needed. */
    public String publish(ModuleSpec spec, byte[] wasm) throws PermastoreException {
        String sha256 = HexFormat.of().formatHex(Hashes.sha256(wasm));
        Optional<String> existing = find(spec.name(), sha256);
        if (existing.isPresent()) {
            return existing.get();
        }
        DataItem item;
        try {
            item = DataItem.sign(wallet, null, null, tags(spec, sha256), wasm);
        } catch (Ans104Exception e) {
            throw new IllegalStateException("cannot sign module " + spec.name() + ": " + e.getMessage(), e);
        }
        store.put(item);
        LOG.infof("published module %s (%s, %,d bytes) as %s", spec.name(), spec.format().tagValue(), wasm.length, item.id());
        return item.id();
    }

    static List<Tag> tags(ModuleSpec spec, String sha256) {
        return ModuleItems.tags(spec.format().tagValue(), List.of(
                new Tag("Content-Type", "application/wasm"),
                new Tag("Name", spec.name()),
                new Tag("Content-SHA-256", sha256)));
    }

    private Optional<String> find(String name, String sha256) throws PermastoreException {
        ItemQuery query = ItemQuery.all().withOwners(wallet.address()).withTags(
                TagFilter.of("Type", "Module"), TagFilter.of("Name", name), TagFilter.of("Content-SHA-256", sha256))
                .withFirst(1);
        return store.query(query).nodes().stream().map(StoredItem::id).findFirst();
    }
}
