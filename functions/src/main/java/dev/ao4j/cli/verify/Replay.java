package dev.ao4j.cli.verify;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.http.ArweaveHttpConfig;
import dev.ao4j.arweave.store.http.ArweaveHttpPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cu.ComputeUnits;
import dev.ao4j.cu.adapter.SqliteResultStore;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.cu.core.Target;
import dev.ao4j.cu.port.ResultStore;
import dev.ao4j.wasm.WasmEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fresh CU in this JVM, the node's own pipeline ({@link ComputeUnits}) on other adapters: the permanent store is
 * the gateway read over HTTP, the wallet is new, results go to a temporary SQLite file (deleted on close), the SU
 * is located through its Scheduler-Location record as any remote CU does, and no checkpoint is trusted (only
 * the new wallet's, which has none) or written, so the replay starts from the process's first message. The
 * memory is hashed after every message.
 */
public final class Replay implements AutoCloseable {
    private final Path dir;
    private final Permastore permastore;
    private final WasmEngine engine;
    private final ResultStore results;
    private final ComputeService cu;

    public Replay(String gateway) throws IOException {
        dir = Files.createTempDirectory("ao4j-verify");
        URI url = URI.create(gateway);
        permastore = new ArweaveHttpPermastore(ArweaveHttpConfig.of(url, url));
        engine = WasmEngine.create();
        results = new SqliteResultStore(dir.resolve("results.db"));
        Wallet wallet = Wallets.generate(WalletType.ED25519);
        CuSettings settings = CuSettings.defaults().withCheckpointEvery(0).withIdleTimeout(Duration.ofDays(1));
        // The operator names the gateway, and so the SUs (often their own on loopback): no address is refused.
        cu = ComputeUnits.create(permastore, wallet, engine, results, null, settings, List.of(wallet.address()),
                dev.ao4j.metrics.UnitMetrics.NONE, ComputeUnits.SuAccess.unrestricted());
    }

    /** Evaluates the process from its first message up to and including {@code last}. */
    public void evaluate(String processId, Slot last) {
        cu.evaluate(processId, new Target.Slot(last.timestamp(), last.nonce()));
    }

    /** What the replay states about a message, or empty when it evaluated none for it (a repeated message). */
    public Optional<Attested> at(String processId, String messageId) {
        return results.byMessage(processId, messageId).map(Attested::of);
    }

    @Override
    public void close() {
        cu.close();
        results.close();
        engine.close();
        permastore.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
