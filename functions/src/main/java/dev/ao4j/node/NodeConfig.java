package dev.ao4j.node;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The node's own settings, {@code ao4j.node.*} (defaults documented in application.properties). */
@ConfigMapping(prefix = "ao4j.node")
public interface NodeConfig {
    /** Publish the modules of {@link ModuleCatalog} from {@link #modulesDir()} on start. */
    @WithDefault("true")
    boolean publishModules();

    /** Where the module files are looked up (default {@code <ao4j.root>/compat/modules}). */
    @WithDefault("compat/modules")
    String modulesDir();

    /** The wallet that signs the module items; default {@code <data-dir>/wallets/modules.json}. */
    Optional<String> modulesWallet();

    @WithDefault("rsa")
    String modulesWalletType();
}
