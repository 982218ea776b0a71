package dev.ao4j.node;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletFiles;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.config.DataDir;
import dev.ao4j.cu.CuConfig;
import dev.ao4j.cu.core.ComputeService;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The node as a whole: on start it publishes the AO modules found in {@code ao4j.node.modules-dir} (once: the
 * same ids on every restart), and once the HTTP server listens {@link #announce()} writes and prints
 * {@code <data-dir>/urls.json}.
 */
@ApplicationScoped
public class NodeWiring {
    private static final Logger LOG = Logger.getLogger(NodeWiring.class);

    @Inject
    NodeConfig config;

    @Inject
    DataDir data;

    @Inject
    Permastore permastore;

    @Inject
    @Named("su")
    Instance<Wallet> suWallet;

    @Inject
    @Any
    Instance<Wallet> wallets;

    @Inject
    ModuleAliases aliases;

    @Inject
    Instance<ComputeService> compute;

    @Inject
    CuConfig cuConfig;

    private volatile Map<String, String> modules = Map.of();

    void start(@Observes StartupEvent event) throws Exception {
        if (!config.publishModules()) {
            return;
        }
        Path file = config.modulesWallet().map(Path::of).orElse(data.resolve("wallets/modules.json"));
        Wallet publisher = WalletFiles.loadOrCreate(file, WalletType.parse(config.modulesWalletType()));
        modules = new ModulePublisher(permastore, publisher).publishAll(modulesDir(), ModuleCatalog.AOS);
        for (ModuleSpec spec : ModuleCatalog.AOS) {
            String local = modules.get(spec.name());
            for (String aoId : local == null ? List.<String>of() : spec.aoIds()) {
                aliases.register(aoId, local);
                LOG.infof("module %s also answers to AO's id %s: this node's copy, signed by %s, not by AO", spec.name(),
                        aoId, publisher.address());
            }
        }
        warmUpDefaultModule();
    }

    /** The JIT compiles the default module's hot code while the node waits for its first users (docs/cu.md). */
    private void warmUpDefaultModule() {
        String module = modules.get(ModuleCatalog.DEFAULT_MODULE);
        if (module == null || cuConfig.warmUp().isZero() || !compute.isResolvable()) {
            return;
        }
        try {
            compute.get().warmUp(module, cuConfig.warmUp());
        } catch (RuntimeException e) {
            LOG.warnf("no JIT warm-up: %s", e.getMessage());
        }
    }

    /** The modules directory; a relative path is taken from the repository root the launcher passes as ao4j.root. */
    Path modulesDir() {
        Path dir = Path.of(config.modulesDir());
        String root = System.getProperty("ao4j.root");
        return dir.isAbsolute() || root == null ? dir.toAbsolutePath().normalize() : Path.of(root).resolve(dir).normalize();
    }

    public Map<String, String> modules() {
        return modules;
    }

    /** The URLs of this node on its actual port. */
    public NodeUrls urls() {
        var cfg = ConfigProvider.getConfig();
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = cfg.getValue(portKey, Integer.class);
        String authority = muAddress();
        return NodeUrls.at("http://127.0.0.1:" + port, suWallet.get().address(), authority, modules);
    }

    private String muAddress() {
        Instance<Wallet> mu = wallets.select(NamedLiteral.of("mu"));
        return mu.isResolvable() ? mu.get().address() : null;
    }

    /** Writes {@code <data-dir>/urls.json} and returns what it wrote. */
    public NodeUrls announce() throws IOException {
        NodeUrls urls = urls();
        Path file = urls.write(data.path());
        LOG.infof("node ready: %s", file);
        return urls;
    }
}
