package dev.ao4j.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the gateway's routes, {@code ao4j.gateway.*} (defaults documented in application.properties). */
@ConfigMapping(prefix = "ao4j.gateway")
public interface GatewayConfig {
    /**
     * The most items one uploaded bundle may hold (a bare bundle, or the data of a {@code Bundle-Format: binary}
     * item), nested bundles' items included; above it: 413, before any item is verified. Each item costs a signature check, so a 16 MiB body of
     * tiny items would otherwise cost thousands of them.
     */
    @WithDefault("1000")
    int maxBundleItems();

    /** The deepest field nesting a GraphQL query may have. */
    @WithDefault("12")
    int graphqlMaxDepth();

    /** The largest GraphQL query complexity: each root (store) query weighs 90, every other field 1. */
    @WithDefault("1000")
    int graphqlMaxComplexity();
}
