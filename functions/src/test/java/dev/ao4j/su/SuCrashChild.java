package dev.ao4j.su;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.AssignmentSigner;
import dev.ao4j.su.core.LogUploader;
import dev.ao4j.su.core.ScheduleRequest.NewMessage;
import dev.ao4j.su.core.ScheduleRequest.NewProcess;
import dev.ao4j.su.core.Sequencer;
import dev.ao4j.su.core.Slot;
import dev.ao4j.su.port.LogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A scheduler that is about to be killed: it sequences messages from 8 concurrent writers into the embedded
 * log and uploads them, printing {@code ACK <message id>} for each acknowledged one, until it is killed.
 * Args: data dir, SU wallet file, user wallet file.
 */
public final class SuCrashChild {
    private SuCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Wallet su = Wallets.read(Path.of(args[1]));
        Wallet user = Wallets.read(Path.of(args[2]));
        LogStore log = new SqliteLogStore(dir.resolve("su-log.db"));
        EmbeddedPermastore permastore = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(Duration.ofSeconds(1)));
        LogUploader uploader = new LogUploader(log, permastore, su, Duration.ZERO);
        uploader.start();
        Sequencer sequencer = new Sequencer(log, new AssignmentSigner(su), () -> 1, System::currentTimeMillis);

        DataItem process = DataItem.sign(user, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Process"),
                new Tag("Module", "m".repeat(43)), new Tag("Scheduler", su.address())), new byte[] {'x'});
        sequencer.schedule(new NewProcess(process)).get();
        System.out.println("PROCESS " + process.id());

        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    try {
                        DataItem message = DataItem.sign(user, process.id(), null, List.of(new Tag("Data-Protocol", "ao"),
                                new Tag("Type", "Message")), (writer + ":" + i).getBytes(StandardCharsets.UTF_8));
                        CompletableFuture<Slot> slot = sequencer.schedule(new NewMessage(process.id(), message, null));
                        slot.get();
                        uploader.wake();
                        synchronized (System.out) {
                            System.out.println("ACK " + message.id());
                            System.out.flush();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }
}
