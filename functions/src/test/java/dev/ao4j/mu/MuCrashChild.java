package dev.ao4j.mu;

import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.cu.AosWorld;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.node.InProcessComputeUnit;
import dev.ao4j.node.InProcessSchedulers;
import dev.ao4j.mu.adapter.PermastoreArchive;
import dev.ao4j.mu.adapter.SqliteMuStore;
import dev.ao4j.mu.core.Crank;
import dev.ao4j.mu.core.Receipt;
import dev.ao4j.mu.core.StepTasks;
import dev.ao4j.mu.queue.embedded.SqliteTaskQueue;
import dev.ao4j.wasm.WasmEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An MU in its own JVM over a world on disk (permanent store, SU, CU in this JVM) and the embedded crank queue
 * in the same directory: takes tasks until the queue stays empty, printing {@code PUSHED <id>} after each push
 * to an SU (the parent kills it there, between a push and the step's acknowledgement) and {@code IDLE} at the end.
 */
public final class MuCrashChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<AutoCloseable> closers = new ArrayList<>();
        try (AosWorld world = AosWorld.open(dir); WasmEngine engine = WasmEngine.create();
             SqliteMuStore store = new SqliteMuStore(dir.resolve("mu/mu.db"))) {
            ComputeService cu = world.cu(engine, "cu", AosWorld.settings(1000, false), List.of(), closers);
            Wallet mu = AosWorld.wallet(dir.resolve("mu.json"));
            InProcessSchedulers su = new InProcessSchedulers(world.scheduler);
            Crank crank = new Crank(mu, new InProcessSchedulers(world.scheduler) {
                @Override
                public Receipt push(String schedulerAddress, byte[] item) {
                    Receipt receipt = su.push(schedulerAddress, item);
                    System.out.println("PUSHED " + receipt.id());
                    System.out.flush();
                    return receipt;
                }
            }, new InProcessComputeUnit(cu), new PermastoreArchive(world.permastore), store);
            try (SqliteTaskQueue queue = SqliteTaskQueue.open(dir, Duration.ofSeconds(2), Duration.ofHours(1))) {
                new CrankLoop(queue, crank, new StepTasks(store), 1, Duration.ofMillis(200), step -> { }).runUntilIdle(Duration.ofSeconds(6));
            }
            System.out.println("IDLE");
        } finally {
            for (AutoCloseable closer : closers) {
                closer.close();
            }
        }
    }
}
