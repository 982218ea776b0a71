package dev.ao4j.cu;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cu.adapter.SqliteResultStore;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.node.InProcessSuClient;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.AssignmentSigner;
import dev.ao4j.su.core.LogUploader;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.Sequencer;
import dev.ao4j.su.core.Slot;
import dev.ao4j.wasm.WasmEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A permanent store and an SU in this JVM, on disk under one directory, holding a real aos module and a
 * process of it: what a CU needs to evaluate for real. Reopening the same directory gives the same world
 * (wallets are files), so a second JVM or a restarted CU sees exactly what the first one saw.
 */
public final class AosWorld implements AutoCloseable {
    public static final String COUNTER = """
            Count = Count or 0
            Handlers.add("inc", Handlers.utils.hasMatchingTag("Action", "Inc"), function (msg)
              Count = Count + 1
              msg.reply({ Data = tostring(Count) })
            end)
            """;

    public final Path dir;
    public final EmbeddedPermastore permastore;
    public final SqliteLogStore log;
    public final Sequencer sequencer;
    public final SchedulerService scheduler;
    public final Wallet suWallet;
    public final Wallet user;

    private AosWorld(Path dir) throws Exception {
        this.dir = dir;
        this.suWallet = wallet(dir.resolve("su.json"));
        this.user = wallet(dir.resolve("user.json"));
        this.permastore = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(BlockClock.ARWEAVE_BLOCK_TIME));
        this.log = new SqliteLogStore(dir.resolve("su-log.db"));
        this.sequencer = new Sequencer(log, new AssignmentSigner(suWallet), () -> 1_500_000L, System::currentTimeMillis);
        this.scheduler = new SchedulerService(suWallet.address(), sequencer, log, permastore,
                new LogUploader(log, permastore, suWallet, Duration.ZERO), System::currentTimeMillis, () -> 1_500_000L);
    }

    public static AosWorld open(Path dir) throws Exception {
        Files.createDirectories(dir);
        return new AosWorld(dir);
    }

    public static Wallet wallet(Path file) throws Exception {
        if (Files.exists(file)) {
            return Wallets.read(file);
        }
        Wallet wallet = Wallets.generate(WalletType.ED25519);
        Wallets.write(wallet, file);
        return wallet;
    }

    /** Stores the module item; answers its id. */
    public String publishModule(String fileName, String format) throws Exception {
        DataItem module = dev.ao4j.testing.AosModules.item(user, fileName, format);
        permastore.put(module);
        return module.id();
    }

    /** Spawns a process of the module (also stored on the permanent store, as the SU uploads it). */
    public String spawn(String moduleId, Tag... extra) throws Exception {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", moduleId), new Tag("Scheduler", suWallet.address())));
        tags.addAll(List.of(extra));
        DataItem process = DataItem.sign(user, null, anchor(), tags, "ao4j".getBytes(StandardCharsets.UTF_8));
        scheduler.accept(process.raw());
        permastore.put(process);
        return process.id();
    }

    /** Sends a message to the process; answers its id once the SU ordered it. */
    public String send(String processId, String data, Tag... tags) throws Exception {
        List<Tag> all = new ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Message")));
        all.addAll(List.of(tags));
        DataItem message = DataItem.sign(user, processId, anchor(), all, data.getBytes(StandardCharsets.UTF_8));
        Slot slot = scheduler.accept(message.raw());
        return slot.messageId();
    }

    public String eval(String processId, String lua) throws Exception {
        return send(processId, lua, new Tag("Action", "Eval"));
    }

    /** A CU over this world with its own wallet file and result store under {@code name}. */
    public ComputeService cu(WasmEngine engine, String name, CuSettings settings, List<String> trusted, List<AutoCloseable> closers)
            throws Exception {
        SqliteResultStore results = new SqliteResultStore(dir.resolve(name).resolve("results.db"));
        closers.add(results);
        Wallet wallet = wallet(dir.resolve(name + "-cu.json"));
        ComputeService cu = dev.ao4j.cu.ComputeUnits.create(permastore, wallet, engine, results,
                new InProcessSuClient(scheduler), settings, trusted);
        closers.add(0, cu);
        return cu;
    }

    String cuAddress(String name) throws Exception {
        return wallet(dir.resolve(name + "-cu.json")).address();
    }

    public static CuSettings settings(int checkpointEvery, boolean hashEveryMessage) {
        return CuSettings.defaults().withCheckpointEvery(checkpointEvery).withIdleTimeout(Duration.ofHours(1))
                .withHashEveryMessage(hashEveryMessage);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A fresh anchor, as aoconnect sets: ed25519 signatures are deterministic, so equal content would be one item. */
    static byte[] anchor() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return dev.ao4j.arweave.ans104.Base64Url.encode(random).getBytes(StandardCharsets.US_ASCII); // 32 characters
    }

    @Override
    public void close() {
        sequencer.close();
        log.close();
        permastore.close();
    }
}
