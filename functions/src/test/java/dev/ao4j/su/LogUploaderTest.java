package dev.ao4j.su;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.AssignmentSigner;
import dev.ao4j.su.core.LogUploader;
import dev.ao4j.su.core.ScheduleRequest.NewMessage;
import dev.ao4j.su.core.ScheduleRequest.NewProcess;
import dev.ao4j.su.core.Sequencer;
import dev.ao4j.testing.Await;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogUploaderTest {
    @TempDir
    Path dir;

    @Test
    void slotsThatArriveWithinTheLingerShareOneSignedBundleAndAllReachThePermanentStore() throws Exception {
        Wallet su = Wallets.generate(WalletType.ED25519);
        Wallet user = Wallets.generate(WalletType.ED25519);
        AtomicInteger bundles = new AtomicInteger();
        try (SqliteLogStore log = new SqliteLogStore(dir.resolve("su-log.db"));
             EmbeddedPermastore store = EmbeddedPermastore.open(dir.resolve("store"), BlockClock.every(Duration.ofSeconds(1)));
             LogUploader uploader = new LogUploader(log, countingBundles(store, bundles), su, Duration.ofSeconds(2))) {
            Sequencer sequencer = new Sequencer(log, new AssignmentSigner(su), () -> 1, System::currentTimeMillis);
            DataItem process = DataItem.sign(user, null, null, List.of(new Tag("Data-Protocol", "ao"),
                    new Tag("Type", "Process"), new Tag("Module", "m".repeat(43)), new Tag("Scheduler", su.address())),
                    new byte[] {'x'});
            sequencer.schedule(new NewProcess(process)).get();
            uploader.start();
            Await.until("the uploader's first round, of what it found at its start", Duration.ofSeconds(20),
                    () -> log.pendingUploads(10).isEmpty());
            bundles.set(0);

            for (int i = 0; i < 5; i++) {
                DataItem message = DataItem.sign(user, process.id(), null, List.of(new Tag("Data-Protocol", "ao"),
                        new Tag("Type", "Message")), ("m" + i).getBytes(StandardCharsets.UTF_8));
                sequencer.schedule(new NewMessage(process.id(), message, null)).get();
                uploader.wake();
            }
            Await.until("every slot is on the permanent store", Duration.ofSeconds(20),
                    () -> log.pendingUploads(10).isEmpty());
            assertEquals(1, bundles.get(), "five slots woken within the linger went up in one bundle");
            assertEquals(6, log.range(process.id(), -1, Long.MAX_VALUE, 100, Long.MAX_VALUE).size());
            for (var slot : log.range(process.id(), -1, Long.MAX_VALUE, 100, Long.MAX_VALUE)) {
                assertTrue(store.item(slot.assignmentId()).isPresent(), "assignment " + slot.nonce() + " stored");
            }
        }
    }

    /** The store itself, counting the bundles put on it. */
    private static Permastore countingBundles(Permastore store, AtomicInteger bundles) {
        return (Permastore) Proxy.newProxyInstance(Permastore.class.getClassLoader(), new Class<?>[] {Permastore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("putBundle")) {
                        bundles.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
