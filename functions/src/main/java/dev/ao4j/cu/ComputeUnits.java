package dev.ao4j.cu;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.cu.adapter.Ans104Crypto;
import dev.ao4j.cu.adapter.PermastoreCheckpoints;
import dev.ao4j.cu.adapter.PermastoreSchedulerDirectory;
import dev.ao4j.cu.adapter.PermastoreSource;
import dev.ao4j.cu.adapter.WalletAttestor;
import dev.ao4j.cu.adapter.WasmModuleRuntime;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.cu.port.LocalSu;
import dev.ao4j.cu.port.ResultStore;
import dev.ao4j.metrics.UnitMetrics;
import dev.ao4j.protocol.SchedulerUrls;
import dev.ao4j.protocol.outbound.OutboundHttp;
import dev.ao4j.protocol.outbound.OutboundPolicy;
import dev.ao4j.wasm.WasmEngine;
import java.time.Duration;
import java.util.List;

/** Assembles the CU from its adapters: the one recipe the node, the tests and the benchmarks share. */
public final class ComputeUnits {
    private ComputeUnits() {}

    /** How the CU reaches SUs outside this JVM: the outbound client, the longest call, the lookup caches' bounds. */
    public record SuAccess(OutboundHttp http, Duration timeout, int cacheSize, Duration cacheTtl) {
        /** Public addresses only, with the defaults of ao4j.outbound.* (application.properties). */
        public static SuAccess publicOnly() {
            return with(OutboundPolicy.publicOnly());
        }

        /** Any http(s) URL: for the operator's own tools (ao4j verify), which read the SUs the operator runs. */
        public static SuAccess unrestricted() {
            return with(OutboundPolicy.unrestricted());
        }

        private static SuAccess with(OutboundPolicy policy) {
            return new SuAccess(new OutboundHttp(OutboundHttp.newClient(Duration.ofSeconds(5)), policy, 32L << 20, 3),
                    Duration.ofSeconds(30), SchedulerUrls.DEFAULT_MAX_ENTRIES, SchedulerUrls.DEFAULT_TTL);
        }
    }

    /**
     * @param localSu        the SU in this JVM, or null (SUs are then reached over HTTP via Scheduler-Location)
     * @param trustedOwners  whose checkpoints to restore; empty = the CU wallet's own
     */
    public static ComputeService create(Permastore permastore, Wallet wallet, WasmEngine engine, ResultStore results,
                                        LocalSu localSu, CuSettings settings, List<String> trustedOwners) {
        return create(permastore, wallet, engine, results, localSu, settings, trustedOwners, UnitMetrics.NONE);
    }

    /** As above, reporting each evaluation to {@code metrics}; other SUs are called on public addresses only. */
    public static ComputeService create(Permastore permastore, Wallet wallet, WasmEngine engine, ResultStore results,
                                        LocalSu localSu, CuSettings settings, List<String> trustedOwners,
                                        UnitMetrics metrics) {
        return create(permastore, wallet, engine, results, localSu, settings, trustedOwners, metrics, SuAccess.publicOnly());
    }

    /** As above, reaching SUs outside this JVM through {@code suAccess}. */
    public static ComputeService create(Permastore permastore, Wallet wallet, WasmEngine engine, ResultStore results,
                                        LocalSu localSu, CuSettings settings, List<String> trustedOwners,
                                        UnitMetrics metrics, SuAccess suAccess) {
        PermastoreSource source = new PermastoreSource(permastore);
        PermastoreSchedulerDirectory directory = new PermastoreSchedulerDirectory(permastore, suAccess.http(),
                suAccess.timeout(), localSu, suAccess.cacheSize(), suAccess.cacheTtl());
        return new ComputeService(directory, source,
                new WasmModuleRuntime(engine, metrics), results, new PermastoreCheckpoints(permastore, wallet, trustedOwners),
                source, new Ans104Crypto(), source, new WalletAttestor(wallet), settings, System::currentTimeMillis);
    }
}
