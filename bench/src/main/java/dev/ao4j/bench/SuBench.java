package dev.ao4j.bench;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.localservers.LocalDynamoDb;
import dev.ao4j.su.adapter.dynamodb.DynamoDbLogStore;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.AssignmentSigner;
import dev.ao4j.su.core.ScheduleRequest.NewMessage;
import dev.ao4j.su.core.ScheduleRequest.NewProcess;
import dev.ao4j.su.core.Sequencer;
import dev.ao4j.su.core.Slot;
import dev.ao4j.su.port.LogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./ao4j bench su}: messages sequenced per second on the embedded log store and on DynamoDB Local (the
 * conditional-write adapter against Amazon's emulator, started from compat/servers), into one process and
 * spread over 1,000, with 64 requests in flight; beside it the floor that bounds it, signing one
 * assignment per message with the SU's key type (on every core).
 */
public final class SuBench implements BenchSuite {
    private static final int IN_FLIGHT = 64;

    @Override
    public String name() {
        return "su";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        Wallet user = Wallets.generate(WalletType.ED25519);
        int messages = options.quick() ? 1_000 : 10_000;
        for (WalletType keyType : List.of(WalletType.ED25519, WalletType.RSA)) {
            Wallet su = Wallets.generate(keyType);
            AssignmentSigner signer = new AssignmentSigner(su);
            double signsPerSecond = Throughput.opsPerSecond(
                    () -> signer.sign("A".repeat(43), 0, 1, "B".repeat(43), 1, 1, "C".repeat(43), List.of()), options)
                    * Runtime.getRuntime().availableProcessors();
            int count = keyType == WalletType.RSA ? messages / 10 : messages;
            for (int processes : List.of(1, 1000)) {
                rows.add(row(processes, keyType, "embedded", sequenced(su, user, processes, count), signsPerSecond));
            }
            if (keyType == WalletType.ED25519) {
                rows.addAll(dynamoDbLocal(su, user, options.quick() ? 500 : 2_000, signsPerSecond));
            }
        }
        return rows;
    }

    private static BenchRow row(int processes, WalletType keyType, String store, double rate, double signsPerSecond) {
        return BenchRow.versus("sequence " + processes + " process" + (processes > 1 ? "es" : "") + ", "
                + keyType.name().toLowerCase() + " SU key, " + store, rate, "msgs/s",
                "assignment signing on all cores", signsPerSecond);
    }

    /** The same on DynamoDB Local, when compat/servers has been built (the root build does it). */
    private static List<BenchRow> dynamoDbLocal(Wallet su, Wallet user, int messages, double signsPerSecond) throws Exception {
        Path compat = BenchSuite.compatDir();
        if (!Files.isDirectory(compat.resolve("servers/target/dynamodb-local/lib"))) {
            System.err.println("bench su: compat/servers is not built, so there are no DynamoDB Local figures");
            return List.of();
        }
        List<BenchRow> rows = new ArrayList<>();
        try (LocalDynamoDb dynamo = LocalDynamoDb.start(compat)) {
            for (int processes : List.of(1, 1000)) {
                String table = "bench-su-" + processes;
                DynamoDbClient client = dynamo.client(); // closed with the log store
                DynamoDbLogStore.createTableIfMissing(client, table);
                double rate = sequenced(new DynamoDbLogStore(client, table), su, user, processes, messages);
                rows.add(row(processes, WalletType.ED25519, "DynamoDB Local", rate, signsPerSecond));
            }
        }
        return rows;
    }

    /** Messages per second sequenced into {@code processes} processes on a fresh embedded log. */
    static double sequenced(Wallet su, Wallet user, int processes, int messages) throws Exception {
        Path dir = Files.createTempDirectory("ao4j-bench-su");
        try {
            return sequenced(new SqliteLogStore(dir.resolve("log.db")), su, user, processes, messages);
        } finally {
            deleteTree(dir);
        }
    }

    /** Messages per second sequenced into {@code processes} processes on {@code store} (closed afterwards). */
    private static double sequenced(LogStore store, Wallet su, Wallet user, int processes, int messages) throws Exception {
        try (LogStore log = store;
             Sequencer sequencer = new Sequencer(log, new AssignmentSigner(su), () -> 1, System::currentTimeMillis)) {
            List<String> pids = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                DataItem process = DataItem.sign(user, null, null, List.of(new Tag("Data-Protocol", "ao"),
                        new Tag("Type", "Process"), new Tag("Module", "m".repeat(43)), new Tag("Scheduler", su.address()),
                        new Tag("Index", Integer.toString(p))), new byte[] {'p'});
                sequencer.schedule(new NewProcess(process)).get();
                pids.add(process.id());
            }
            List<NewMessage> requests = new ArrayList<>(messages);
            for (int i = 0; i < messages; i++) {
                String pid = pids.get(i % processes);
                DataItem message = DataItem.sign(user, pid, null, List.of(new Tag("Data-Protocol", "ao"),
                        new Tag("Type", "Message"), new Tag("Action", "Ping")), ("m" + i).getBytes(StandardCharsets.UTF_8));
                requests.add(new NewMessage(pid, message, null));
            }
            long start = System.nanoTime();
            List<CompletableFuture<Slot>> window = new ArrayList<>();
            for (NewMessage request : requests) {
                window.add(sequencer.schedule(request));
                if (window.size() == IN_FLIGHT) {
                    window.removeFirst().get();
                }
            }
            for (CompletableFuture<Slot> pending : window) {
                pending.get();
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
