package dev.ao4j.node;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The embedded store's local chain, {@code ao4j.chain.*} (defaults documented in application.properties). */
@ConfigMapping(prefix = "ao4j.chain")
public interface ChainConfig {
    /** A block this often, as Arweave's; 0 = blocks only when mined on request. */
    @WithDefault("120s")
    Duration blockTime();

    /**
     * The height of a new store's first block. Realistic by default: AO's CU checks an SU's hash chain only for
     * processes at height 1,440,000 or more. A store keeps the first height it was created with.
     */
    @WithDefault("1600000")
    long firstHeight();
}
