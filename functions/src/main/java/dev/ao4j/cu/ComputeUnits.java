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
import dev.ao4j.wasm.WasmEngine;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Assembles the CU from its adapters: the one recipe the node, the tests and the benchmarks share. */
public final class ComputeUnits {
    private ComputeUnits() {}

    /**
     * @param localSu        the SU in this JVM, or null (SUs are then reached over HTTP via Scheduler-Location)
     * @param trustedOwners  whose checkpoints to restore; empty = the CU wallet's own
     */
    public static ComputeService create(Permastore permastore, Wallet wallet, WasmEngine engine, ResultStore results,
                                        LocalSu localSu, CuSettings settings, List<String> trustedOwners) {
        return create(permastore, wallet, engine, results, localSu, settings, trustedOwners, UnitMetrics.NONE);
    }

    /** As above, reporting each evaluation to {@code metrics}. */
    public static ComputeService create(Permastore permastore, Wallet wallet, WasmEngine engine, ResultStore results,
                                        LocalSu localSu, CuSettings settings, List<String> trustedOwners,
                                        UnitMetrics metrics) {
        PermastoreSource source = new PermastoreSource(permastore);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new ComputeService(new PermastoreSchedulerDirectory(permastore, http, localSu), source,
                new WasmModuleRuntime(engine, metrics), results, new PermastoreCheckpoints(permastore, wallet, trustedOwners),
                source, new Ans104Crypto(), source, new WalletAttestor(wallet), settings, System::currentTimeMillis);
    }
}
