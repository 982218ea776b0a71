package dev.ao4j.bench;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cu.ComputeUnits;
import dev.ao4j.cu.adapter.SqliteResultStore;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.cu.core.JitSettle;
import dev.ao4j.cu.core.Target;
import dev.ao4j.node.InProcessSuClient;
import dev.ao4j.node.ModuleItems;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.AssignmentSigner;
import dev.ao4j.su.core.LogUploader;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.Sequencer;
import dev.ao4j.wasm.WasmEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ./ao4j bench cu-node}: the whole CU pipeline on a real aos process (aos 2.0.6, wasm64) — SU log
 * read and checked, msg/env built, evaluated, every result stored: cold start to the first result with 1k and
 * 10k log entries; restore of an aos checkpoint (~110 MB of memory); results per second on a hot process (memory
 * hashed after every message, and only per request); eight processes evaluated at once.
 */
public final class CuNodeBench implements BenchSuite {
    private static final String MODULE_FILE = "aos2_0_6.wasm";
    private static final String FORMAT = "wasm64-unknown-emscripten-draft_2024_02_15";
    private static final String COUNTER = "Count = Count or 0\nHandlers.add('inc', Handlers.utils.hasMatchingTag('Action', 'Inc'),"
            + " function(msg) Count = Count + 1; msg.reply({ Data = tostring(Count) }) end)";
    /** ao-loader as AO's CU calls it: the ~110 MB memory copied in and out of every message (RUNTIME-FACTS: 60.5 ms). */
    private static final double AO_CU_MESSAGES_PER_SECOND = 1000 / 60.5;
    private static final int WARM_UP_BATCH = 250;
    private static final long MAX_WARM_UP_NANOS = 300_000_000_000L;

    @Override
    public String name() {
        return "cu-node";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        boolean quick = options.quick();
        Path dir = Files.createTempDirectory("ao4j-bench-cu-node");
        List<BenchRow> rows = new ArrayList<>();
        try (WasmEngine engine = WasmEngine.create(); World world = new World(dir)) {
            if (!engine.optimizing()) {
                System.err.println("bench cu-node: GraalWasm runs interpreted; the figures are not representative");
            }
            String module = world.module();

            // JIT warm-up on a throw-away process, so cold-start figures measure the CU and not the compiler: quick, a
            // few messages; full, until the compiler has caught up, as on a node after its own warm-up (docs/cu.md).
            String warm = world.process(module, quick ? 50 : 0);
            try (Cu cu = world.cu(engine, "warm", settings(0, false))) {
                JitSettle settle = new JitSettle(engine::compilerCpuNanos);
                long warmStart = System.nanoTime();
                do {
                    for (int i = 0; !quick && i < WARM_UP_BATCH; i++) {
                        world.send(warm, "Inc");
                    }
                    cu.service.evaluate(warm, Target.LATEST);
                } while (!quick && !settle.settled() && System.nanoTime() - warmStart < MAX_WARM_UP_NANOS);
                rows.add(BenchRow.of("cu-node.warm-up", (System.nanoTime() - warmStart) / 1e9, "s"));
            }

            for (int size : quick ? List.of(200) : List.of(1000, 10_000)) {
                String process = world.process(module, size);
                try (Cu cu = world.cu(engine, "cold" + size, settings(0, false))) {
                    long t0 = System.nanoTime();
                    cu.service.result(world.lastMessage, process);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    rows.add(BenchRow.of("cu-node.cold-start." + label(size) + "-log", seconds * 1000, "ms"));
                    rows.add(BenchRow.versus("cu-node.cold-start." + label(size) + "-log.rate", (size + 2) / seconds,
                            "msg/s", "AO CU (ao-loader, memory copied per message)", AO_CU_MESSAGES_PER_SECOND));
                }
            }

            String restoreProcess = world.process(module, 10);
            try (Cu writer = world.cu(engine, "writer", settings(0, false))) {
                writer.service.evaluate(restoreProcess, Target.LATEST);
                long t0 = System.nanoTime();
                writer.service.evictAll(); // checkpoints the process and unloads it
                rows.add(BenchRow.of("cu-node.checkpoint.write-110MB", (System.nanoTime() - t0) / 1e6, "ms"));
            }
            String after = world.send(restoreProcess, "Inc");
            try (Cu reader = world.cu(engine, "reader", settings(0, false), world.address("writer"))) {
                long t0 = System.nanoTime();
                reader.service.result(after, restoreProcess);
                rows.add(BenchRow.of("cu-node.checkpoint.restore-110MB", (System.nanoTime() - t0) / 1e6, "ms"));
            }

            for (boolean hashEach : List.of(false, true)) {
                String hot = world.process(module, 0);
                int n = quick ? 100 : (hashEach ? 300 : 2000);
                try (Cu cu = world.cu(engine, "hot" + hashEach, settings(0, hashEach))) {
                    cu.service.evaluate(hot, Target.LATEST);
                    for (int i = 0; i < n; i++) {
                        world.send(hot, "Inc");
                    }
                    long t0 = System.nanoTime();
                    cu.service.result(world.lastMessage, hot);
                    double perSecond = n / ((System.nanoTime() - t0) / 1e9);
                    rows.add(BenchRow.versus("cu-node.hot.results" + (hashEach ? ".hash-every-message" : ""), perSecond,
                            "msg/s", "AO CU (ao-loader, memory copied per message)", AO_CU_MESSAGES_PER_SECOND));
                }
            }

            int processes = 8;
            int each = quick ? 30 : 250;
            List<String> eight = new ArrayList<>();
            List<String> lasts = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                eight.add(world.process(module, each));
                lasts.add(world.lastMessage);
            }
            try (Cu cu = world.cu(engine, "eight", settings(0, false));
                 ExecutorService pool = Executors.newFixedThreadPool(processes)) {
                long t0 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int p = 0; p < processes; p++) {
                    int index = p;
                    futures.add(pool.submit(() -> cu.service.result(lasts.get(index), eight.get(index))));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                rows.add(BenchRow.versus("cu-node.eight-processes.cold", processes * (each + 2) / seconds, "msg/s",
                        "AO CU (ao-loader, memory copied per message)", AO_CU_MESSAGES_PER_SECOND));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return rows;
    }

    private static String label(int size) {
        return size >= 1000 ? size / 1000 + "k" : Integer.toString(size);
    }

    private static CuSettings settings(int checkpointEvery, boolean hashEveryMessage) {
        return CuSettings.defaults().withCheckpointEvery(checkpointEvery).withIdleTimeout(Duration.ofHours(1))
                .withHashEveryMessage(hashEveryMessage);
    }

    private record Cu(ComputeService service, SqliteResultStore results) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
            results.close();
        }
    }

    /** A permanent store, an SU and a user in a temporary directory. */
    private static final class World implements AutoCloseable {
        final Path dir;
        final EmbeddedPermastore permastore;
        final SqliteLogStore log;
        final Sequencer sequencer;
        final SchedulerService scheduler;
        final Wallet su = Wallets.generate(WalletType.ED25519);
        final Wallet user = Wallets.generate(WalletType.ED25519);
        final java.util.Map<String, Wallet> cuWallets = new java.util.HashMap<>();
        String lastMessage;

        World(Path dir) throws Exception {
            this.dir = dir;
            permastore = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(BlockClock.ARWEAVE_BLOCK_TIME));
            log = new SqliteLogStore(dir.resolve("su.db"));
            sequencer = new Sequencer(log, new AssignmentSigner(su), () -> 1_500_000L, System::currentTimeMillis);
            scheduler = new SchedulerService(su.address(), sequencer, log, permastore, new LogUploader(log, permastore, su, Duration.ZERO),
                    System::currentTimeMillis, () -> 1_500_000L);
        }

        String module() throws Exception {
            return ModuleItems.publish(permastore, user, BenchSuite.compatDir().resolve("modules").resolve(MODULE_FILE), FORMAT);
        }

        /** A process booted with the counter handler and {@code messages} Inc messages in its log. */
        String process(String module, int messages) throws Exception {
            DataItem process = DataItem.sign(user, null, Anchors.fresh(), List.of(new Tag("Data-Protocol", "ao"),
                    new Tag("Variant", "ao.TN.1"), new Tag("Type", "Process"), new Tag("Module", module),
                    new Tag("Scheduler", su.address())), "bench".getBytes(StandardCharsets.UTF_8));
            scheduler.accept(process.raw());
            send(process.id(), "Eval", COUNTER);
            for (int i = 0; i < messages; i++) {
                send(process.id(), "Inc");
            }
            return process.id();
        }

        String send(String process, String action) throws Exception {
            return send(process, action, "");
        }

        String send(String process, String action, String data) throws Exception {
            DataItem message = DataItem.sign(user, process, Anchors.fresh(), List.of(new Tag("Data-Protocol", "ao"),
                    new Tag("Type", "Message"), new Tag("Action", action)), data.getBytes(StandardCharsets.UTF_8));
            lastMessage = scheduler.accept(message.raw()).messageId();
            return lastMessage;
        }

        String address(String name) {
            return cuWallets.get(name).address();
        }

        Cu cu(WasmEngine engine, String name, CuSettings settings, String... trusted) throws Exception {
            Wallet wallet = cuWallets.computeIfAbsent(name, n -> Wallets.generate(WalletType.ED25519));
            SqliteResultStore results = new SqliteResultStore(dir.resolve(name + ".db"));
            return new Cu(ComputeUnits.create(permastore, wallet, engine, results, new InProcessSuClient(scheduler),
                    settings, List.of(trusted)), results);
        }

        @Override
        public void close() {
            sequencer.close();
            log.close();
            permastore.close();
        }
    }
}
