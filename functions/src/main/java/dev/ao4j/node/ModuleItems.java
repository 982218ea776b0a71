package dev.ao4j.node;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Signer;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AO {@code Type: Module} items: a wasm binary signed with the tags aoconnect's spawn and a CU check
 * (format, JSON-1 encodings, the CU's default Memory-Limit and Compute-Limit).
 */
public final class ModuleItems {
    public static final String MEMORY_LIMIT = "1-gb";
    public static final String COMPUTE_LIMIT = "9000000000000";

    private ModuleItems() {}

    /** AO's module tags for {@code moduleFormat}, then {@code extra}. */
    public static List<Tag> tags(String moduleFormat, List<Tag> extra) {
        List<Tag> tags = new ArrayList<>(List.of(
                new Tag("Data-Protocol", "ao"),
                new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Module"),
                new Tag("Module-Format", moduleFormat),
                new Tag("Input-Encoding", "JSON-1"),
                new Tag("Output-Encoding", "JSON-1"),
                new Tag("Memory-Limit", MEMORY_LIMIT),
                new Tag("Compute-Limit", COMPUTE_LIMIT)));
        tags.addAll(extra);
        return tags;
    }

    public static DataItem sign(Signer signer, byte[] wasm, String moduleFormat) throws Ans104Exception {
        return DataItem.sign(signer, null, null, tags(moduleFormat, List.of()), wasm);
    }

    /** Signs the module in {@code wasmFile}, puts it into {@code store} and returns its id. */
    public static String publish(Permastore store, Signer signer, Path wasmFile, String moduleFormat)
            throws IOException, Ans104Exception, PermastoreException {
        DataItem item = sign(signer, Files.readAllBytes(wasmFile), moduleFormat);
        store.put(item);
        return item.id();
    }
}
