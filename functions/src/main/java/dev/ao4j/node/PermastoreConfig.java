package dev.ao4j.node;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Real Arweave as the permanent store, {@code ao4j.arweave.*} (defaults documented in application.properties). */
@ConfigMapping(prefix = "ao4j.arweave")
public interface PermastoreConfig {
    /** The gateway to read from; when set, the node uses Arweave instead of the embedded store. */
    Optional<URI> gatewayUrl();

    /** Where items are uploaded. */
    @WithDefault("https://upload.ardrive.io")
    URI bundlerUrl();

    /** The bundler's payment currency. */
    @WithDefault("arweave")
    String currency();

    @WithDefault("30s")
    Duration timeout();
}
