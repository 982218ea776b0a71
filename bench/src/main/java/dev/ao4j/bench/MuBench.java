package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.ao4j.cu.core.Target;
import dev.ao4j.mu.CrankLoop;
import dev.ao4j.node.InProcessComputeUnit;
import dev.ao4j.node.InProcessSchedulers;
import dev.ao4j.mu.adapter.PermastoreArchive;
import dev.ao4j.mu.adapter.SqliteMuStore;
import dev.ao4j.mu.core.Crank;
import dev.ao4j.mu.core.CrankStep;
import dev.ao4j.mu.core.Receipt;
import dev.ao4j.mu.core.StepTasks;
import dev.ao4j.mu.queue.embedded.SqliteTaskQueue;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./ao4j bench mu}: the crank over real aos processes (wasm32 aos 2.0.4), an SU and a CU in this JVM and
 * the embedded crank queue (every step an fsync'd SQLite commit): outbox messages delivered per second when one
 * message fans out to N processes (beside the SU's bare sequencing rate into one process, the most a single
 * sender's ordered outbox could reach), and the latency of one hop of a ping-pong (deliver + the target's
 * result), p50 and p99, beside the CU's evaluation of that message alone.
 */
public final class MuBench implements BenchSuite {
    private static final String MODULE_FILE = "aos2_0_4_32.wasm";
    private static final String FORMAT = "wasm32-unknown-emscripten4";
    /** Crank steps run at once (different processes). */
    static final int WORKERS = 4;
    private static final String FAN = "Handlers.add('fan', Handlers.utils.hasMatchingTag('Action', 'Fan'), function (msg)"
            + " for t in string.gmatch(msg.Data, '[^,]+') do ao.send({ Target = t, Action = 'Hello' }) end end)";
    private static final String PING = "Handlers.add('ping', Handlers.utils.hasMatchingTag('Action', 'Ping'), function (msg)"
            + " local n = tonumber(msg.Data); if n > 0 then ao.send({ Target = msg.Tags.Peer, Action = 'Ping',"
            + " Peer = ao.id, Data = tostring(n - 1) }) end end)";

    @Override
    public String name() {
        return "mu";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        int fanOut = options.quick() ? 10 : 50;
        int hops = options.quick() ? 20 : 100;
        Path dir = Files.createTempDirectory("ao4j-bench-mu");
        List<BenchRow> rows = new ArrayList<>();
        try (WasmEngine engine = WasmEngine.create(); World world = new World(dir, engine)) {
            if (!engine.optimizing()) {
                System.err.println("bench mu: GraalWasm runs interpreted; the figures are not representative");
            }
            String module = world.module();

            List<String> targets = new ArrayList<>();
            for (int i = 0; i < fanOut; i++) {
                targets.add(world.process(module, null));
            }
            String root = world.process(module, FAN);
            String fan = world.send(root, "Fan", String.join(",", targets), List.of());
            world.cu.evaluate(root, Target.LATEST); // the fan's own evaluation is not the MU's work
            world.pushes.clear();
            world.evaluations.clear();
            long start = System.nanoTime();
            world.crank(new CrankStep.PullResult(root, fan, fan));
            double seconds = (world.lastPull.get() - start) / 1e9;
            double cuRate = 1000 / percentile(new ArrayList<>(world.evaluations), 50) * MuBench.WORKERS;
            double suRate = SuBench.sequenced(Wallets.generate(WalletType.ED25519), world.user, 1, options.quick() ? 500 : 2000);
            rows.add(BenchRow.versus("mu.fan-out." + fanOut + ".delivered", fanOut / seconds, "msgs/s",
                    "SU bare sequencing into one process", suRate));
            rows.add(BenchRow.versus("mu.fan-out." + fanOut + ".delivered", fanOut / seconds, "msgs/s",
                    "CU evaluations/s (p50, " + WORKERS + " at once)", cuRate));

            String a = world.process(module, PING);
            String b = world.process(module, PING);
            String kick = world.send(a, "Ping", Integer.toString(hops), List.of(new Tag("Peer", b)));
            world.pushes.clear();
            world.evaluations.clear();
            world.crank(new CrankStep.PullResult(a, kick, kick));
            List<Long> hopNanos = new ArrayList<>();
            for (int i = 1; i < world.pushes.size(); i++) {
                hopNanos.add(world.pushes.get(i) - world.pushes.get(i - 1));
            }
            List<Long> evaluations = new ArrayList<>(world.evaluations);
            double cuMedian = percentile(evaluations, 50);
            rows.add(BenchRow.versus("mu.hop.p50", percentile(hopNanos, 50), "ms", "CU evaluation of the message (p50)",
                    cuMedian));
            rows.add(BenchRow.versus("mu.hop.p99", percentile(hopNanos, 99), "ms", "CU evaluation of the message (p50)",
                    cuMedian));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return rows;
    }

    /** The p-th percentile of nanosecond samples, in milliseconds. */
    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** A permanent store, an SU, a CU and an MU with its queue, on disk under one directory. */
    private static final class World implements AutoCloseable {
        final Path dir;
        final Wallet user = Wallets.generate(WalletType.ED25519);
        final Wallet su = Wallets.generate(WalletType.ED25519);
        final Wallet mu = Wallets.generate(WalletType.ED25519);
        final EmbeddedPermastore permastore;
        final SqliteLogStore log;
        final Sequencer sequencer;
        final SchedulerService scheduler;
        final SqliteResultStore results;
        final ComputeService cu;
        final SqliteMuStore store;
        final SqliteTaskQueue queue;
        final List<Long> pushes = Collections.synchronizedList(new ArrayList<>());
        final List<Long> evaluations = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong lastPull = new AtomicLong();
        final Crank crank;

        World(Path dir, WasmEngine engine) throws Exception {
            this.dir = dir;
            permastore = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(BlockClock.ARWEAVE_BLOCK_TIME));
            log = new SqliteLogStore(dir.resolve("su.db"));
            sequencer = new Sequencer(log, new AssignmentSigner(su), () -> 1_500_000L, System::currentTimeMillis);
            scheduler = new SchedulerService(su.address(), sequencer, log, permastore, new LogUploader(log, permastore, su, Duration.ZERO),
                    System::currentTimeMillis, () -> 1_500_000L);
            results = new SqliteResultStore(dir.resolve("cu.db"));
            cu = ComputeUnits.create(permastore, Wallets.generate(WalletType.ED25519), engine, results,
                    new InProcessSuClient(scheduler), settings(), List.of());
            store = new SqliteMuStore(dir.resolve("mu.db"));
            queue = SqliteTaskQueue.open(dir, Duration.ofSeconds(30), Duration.ofMinutes(5));
            crank = new Crank(mu, new InProcessSchedulers(scheduler) {
                @Override
                public Receipt push(String schedulerAddress, byte[] item) {
                    Receipt receipt = super.push(schedulerAddress, item);
                    pushes.add(System.nanoTime());
                    return receipt;
                }
            }, new InProcessComputeUnit(cu) {
                @Override
                public JsonNode result(String messageId, String processId) {
                    long t0 = System.nanoTime();
                    JsonNode result = super.result(messageId, processId);
                    evaluations.add(System.nanoTime() - t0);
                    return result;
                }
            }, new PermastoreArchive(permastore), store);
        }

        /** The CU's defaults, but no process is unloaded while the bench sets up (that would time reloads). */
        private static CuSettings settings() {
            return CuSettings.defaults().withIdleTimeout(Duration.ofHours(1));
        }

        /** Runs the crank from {@code first} until the queue is empty. */
        void crank(CrankStep first) throws Exception {
            StepTasks tasks = new StepTasks(store);
            queue.enqueue(tasks.task(first));
            new CrankLoop(queue, crank, tasks, WORKERS, Duration.ofMillis(100), step -> {
                if (step instanceof CrankStep.PullResult) {
                    lastPull.set(System.nanoTime());
                }
            }).runUntilIdle(Duration.ofSeconds(1));
        }

        String module() throws Exception {
            return ModuleItems.publish(permastore, user, BenchSuite.compatDir().resolve("modules").resolve(MODULE_FILE), FORMAT);
        }

        /** A booted aos process trusting the MU, with {@code lua} evaluated in it (if given). */
        String process(String module, String lua) throws Exception {
            DataItem process = DataItem.sign(user, null, Anchors.fresh(), List.of(new Tag("Data-Protocol", "ao"),
                    new Tag("Variant", "ao.TN.1"), new Tag("Type", "Process"), new Tag("Module", module),
                    new Tag("Scheduler", su.address()), new Tag("Authority", mu.address())),
                    "bench".getBytes(StandardCharsets.UTF_8));
            scheduler.accept(process.raw());
            if (lua != null) {
                send(process.id(), "Eval", lua, List.of());
            }
            cu.evaluate(process.id(), Target.LATEST);
            return process.id();
        }

        String send(String process, String action, String data, List<Tag> extra) throws Exception {
            List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Message"),
                    new Tag("Action", action)));
            tags.addAll(extra);
            DataItem message = DataItem.sign(user, process, Anchors.fresh(),
                    tags, data.getBytes(StandardCharsets.UTF_8));
            return scheduler.accept(message.raw()).messageId();
        }

        @Override
        public void close() {
            queue.close();
            store.close();
            cu.close();
            results.close();
            sequencer.close();
            log.close();
            permastore.close();
        }
    }
}
