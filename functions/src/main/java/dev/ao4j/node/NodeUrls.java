package dev.ao4j.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ao4j.arweave.wallet.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * What a client needs to talk to a node: the base URLs (aoconnect's MU_URL, CU_URL, GATEWAY_URL, the SU, and
 * the {@code URL} of aoconnect's mainnet mode), the SU's wallet address (a spawn's {@code Scheduler} tag), the MU's
 * address (the {@code Authority} aos must trust so that cranked messages count as from their sending process; on one
 * node the same address) and the published modules by name.
 * The node writes it to {@code <data-dir>/urls.json} when it is ready.
 */
public record NodeUrls(String mu, String cu, String su, String gateway, String mainnet, String scheduler,
                       String authority, Map<String, String> modules) {
    public static final String FILE = "urls.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public NodeUrls {
        modules = modules == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modules));
    }

    /** The node on {@code base} (e.g. {@code http://127.0.0.1:8734}) with its units at their usual paths. */
    public static NodeUrls at(String base, String scheduler, String authority, Map<String, String> modules) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new NodeUrls(root + "/mu", root + "/cu", root + "/su", root, root, scheduler, authority, modules);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code dir/urls.json} atomically (a reader never sees half a file). */
    public Path write(Path dir) throws IOException {
        PrivateFiles.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, toJson());
        return Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static NodeUrls read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + file + ": start the node with `ao4j up --data " + dir + "`, or pass --url");
        }
        return JSON.readValue(file.toFile(), NodeUrls.class);
    }
}
