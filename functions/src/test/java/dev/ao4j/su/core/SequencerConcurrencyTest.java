package dev.ao4j.su.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.protocol.HashChain;
import dev.ao4j.su.adapter.dynamodb.DynamoDbLogStore;
import dev.ao4j.su.core.ScheduleRequest.NewMessage;
import dev.ao4j.su.core.ScheduleRequest.NewProcess;
import dev.ao4j.su.port.LogStore;
import dev.ao4j.testing.DynamoDbLocal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two SU instances (two sequencers, two DynamoDB clients) share one DynamoDB Local table and are hammered
 * by 64 clients × 200 messages to one process: every message takes exactly one slot, the nonces run
 * 0..N with no gap, the hash chain is valid and timestamps strictly increase.
 */
@org.junit.jupiter.api.Tag("slow")
class SequencerConcurrencyTest {
    private static final int CLIENTS = 64;
    private static final int MESSAGES_PER_CLIENT = 100;

    @Test
    void twoSchedulersOnOneDynamoDbTableNeverShareOrSkipASlot() throws Exception {
        String table = "su-concurrency-" + UUID.randomUUID();
        Wallet suWallet = Wallets.generate(WalletType.ED25519);
        Wallet user = Wallets.generate(WalletType.ED25519);
        AtomicLong sharedClock = new AtomicLong(1_700_000_000_000L);

        try (DynamoDbClient admin = DynamoDbLocal.get().client()) {
            DynamoDbLogStore.createTableIfMissing(admin, table);
        }
        try (LogStore storeA = new DynamoDbLogStore(DynamoDbLocal.get().client(), table);
             LogStore storeB = new DynamoDbLogStore(DynamoDbLocal.get().client(), table);
             Sequencer suA = new Sequencer(storeA, new AssignmentSigner(suWallet), () -> 42, sharedClock::get);
             Sequencer suB = new Sequencer(storeB, new AssignmentSigner(suWallet), () -> 42, sharedClock::get)) {

            DataItem process = DataItem.sign(user, null, null, List.of(new Tag("Data-Protocol", "ao"),
                    new Tag("Type", "Process"), new Tag("Module", "m".repeat(43)), new Tag("Scheduler", suWallet.address())),
                    "boot".getBytes(StandardCharsets.UTF_8));
            String pid = process.id();
            suA.schedule(new NewProcess(process)).get();

            List<String> sent = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<List<String>>> futures = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Sequencer through = c % 2 == 0 ? suA : suB;
                    int client = c;
                    futures.add(clients.submit(() -> {
                        List<String> ids = new ArrayList<>();
                        List<CompletableFuture<Slot>> pending = new ArrayList<>();
                        for (int i = 0; i < MESSAGES_PER_CLIENT; i++) {
                            DataItem message = DataItem.sign(user, pid, null, List.of(new Tag("Data-Protocol", "ao"),
                                    new Tag("Type", "Message"), new Tag("Client", Integer.toString(client))),
                                    ("m" + client + "-" + i).getBytes(StandardCharsets.UTF_8));
                            ids.add(message.id());
                            pending.add(through.schedule(new NewMessage(pid, message, null)));
                            if (pending.size() == 8) { // a few requests in flight per client
                                for (CompletableFuture<Slot> f : pending) {
                                    f.get();
                                }
                                pending.clear();
                            }
                        }
                        for (CompletableFuture<Slot> f : pending) {
                            f.get();
                        }
                        return ids;
                    }));
                }
                for (Future<List<String>> future : futures) {
                    sent.addAll(future.get());
                }
            }

            long expectedLast = (long) CLIENTS * MESSAGES_PER_CLIENT;
            assertEquals(expectedLast, storeA.latest(pid).orElseThrow().nonce());
            Set<String> ordered = new HashSet<>();
            Slot previous = storeA.slot(pid, 0).orElseThrow();
            assertEquals(HashChain.first(pid), previous.hashChain());
            for (long nonce = 1; nonce <= expectedLast; nonce++) {
                Slot slot = storeB.slot(pid, nonce).orElseThrow(() -> new AssertionError("gap in the log"));
                assertTrue(ordered.add(slot.messageId()), "message ordered twice: " + slot.messageId());
                assertEquals(HashChain.next(previous.assignmentId(), previous.hashChain()), slot.hashChain(),
                        "hash chain broken at nonce " + slot.nonce());
                assertTrue(slot.timestamp() > previous.timestamp(), "timestamps must strictly increase");
                DataItem assignment = DataItem.parse(slot.assignment());
                assertTrue(assignment.verify(), "assignment signature");
                assertEquals(Long.toString(nonce), assignment.tag("Nonce").orElseThrow());
                assertEquals(slot.hashChain(), assignment.tag("Hash-Chain").orElseThrow());
                assertEquals(slot.messageId(), assignment.tag("Message").orElseThrow());
                previous = slot;
            }
            assertEquals(new HashSet<>(sent), ordered, "every acknowledged message is in the log");
        }
    }
}
