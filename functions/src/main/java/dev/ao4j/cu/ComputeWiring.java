package dev.ao4j.cu;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletFiles;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.config.DataDir;
import dev.ao4j.config.OutboundConfig;
import dev.ao4j.cu.adapter.SqliteResultStore;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.cu.port.LocalSu;
import dev.ao4j.cu.port.ResultStore;
import dev.ao4j.metrics.UnitMetrics;
import dev.ao4j.protocol.outbound.OutboundHttp;
import dev.ao4j.wasm.WasmEngine;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Wires the CU from configuration: wallet, wasm runtime, result store, checkpoints, SU access, use cases. */
@ApplicationScoped
public class ComputeWiring {
    /** Set once the CU was first used: shutdown then checkpoints and closes it (and only then). */
    private volatile ComputeService created;
    private volatile ResultStore createdResults;

    @Produces
    @Singleton
    @Named("cu")
    Wallet wallet(CuConfig config, DataDir data) {
        Path file = config.wallet().map(Path::of).orElse(data.resolve("wallets/cu.json"));
        return WalletFiles.loadOrCreate(file, WalletType.parse(config.walletType()));
    }

    @Produces
    @Singleton
    WasmEngine wasmEngine() {
        return WasmEngine.create();
    }

    @Produces
    @Singleton
    ResultStore resultStore(DataDir data) {
        createdResults = new SqliteResultStore(data.resolve("cu/results.db"));
        return createdResults;
    }

    @Produces
    @Singleton
    ComputeService computeService(CuConfig config, @Named("cu") Wallet wallet, Permastore permastore,
                                  WasmEngine engine, ResultStore results, Instance<LocalSu> localSu,
                                  UnitMetrics metrics, OutboundHttp outbound, OutboundConfig limits) {
        Set<String> formats = new HashSet<>(config.supportedFormats().orElse(CuSettings.AO_FORMATS));
        CuSettings settings = new CuSettings(config.maxMemoryLimit(), config.maxComputeLimit(), formats,
                config.checkpointEvery(), config.idleTimeout(), config.suPageSize(), config.hashEveryMessage(),
                config.idleHashAfter(), config.hibernateAfter(),
                new CuSettings.Bounds(config.evalTimeout(), config.dryRunTimeout(), config.timedOutRetryAfter(),
                        config.evaluationThreads(), config.evaluationQueue(), config.loadedMemoryBytes(),
                        config.maxStateBytes()));
        // The node provides its SU when it runs one (NodeWiring); elsewhere the CU reaches SUs over HTTP.
        LocalSu local = localSu.isResolvable() ? localSu.get() : null;
        created = ComputeUnits.create(permastore, wallet, engine, results, local, settings,
                config.trustedCheckpointOwners().orElse(List.of()), metrics,
                new ComputeUnits.SuAccess(outbound, limits.suTimeout(), limits.cacheSize(), limits.cacheTtl()));
        return created;
    }

    /** Checkpoints every loaded process on the way down, so a restart continues from where this CU stopped. */
    void stop(@Observes ShutdownEvent event) {
        if (created != null) {
            created.cancelRunning(); // a runaway evaluation must not hold the stop
            created.evictAll();
            created.close();
        }
        if (createdResults != null) {
            createdResults.close();
        }
    }
}
