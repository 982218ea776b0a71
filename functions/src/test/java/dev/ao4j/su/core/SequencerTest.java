package dev.ao4j.su.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.protocol.HashChain;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.ScheduleRequest.AssignExisting;
import dev.ao4j.su.core.ScheduleRequest.NewMessage;
import dev.ao4j.su.core.ScheduleRequest.NewProcess;
import dev.ao4j.su.port.LogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencerTest {
    static final Wallet SU = Wallets.generate(WalletType.ED25519);
    static final Wallet USER = Wallets.generate(WalletType.ED25519);

    @TempDir
    Path dir;
    LogStore log;
    Sequencer sequencer;
    DataItem process;

    @BeforeEach
    void start() throws Exception {
        log = new SqliteLogStore(dir.resolve("log.db"));
        sequencer = new Sequencer(log, new AssignmentSigner(SU), () -> 7, () -> 1_000);
        process = DataItem.sign(USER, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Process"),
                new Tag("Module", "m".repeat(43)), new Tag("Scheduler", SU.address())), "boot".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        sequencer.close();
        log.close();
    }

    DataItem message(String data, Tag... extra) throws Exception {
        List<Tag> tags = new java.util.ArrayList<>(List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Message")));
        tags.addAll(List.of(extra));
        return DataItem.sign(USER, process.id(), null, tags, data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSpawnTakesSlotZeroAndMessagesFollowOnTheChain() throws Exception {
        Slot zero = sequencer.schedule(new NewProcess(process)).get();
        Slot one = sequencer.schedule(new NewMessage(process.id(), message("a"), null)).get();
        assertEquals(0, zero.nonce());
        assertEquals(HashChain.first(process.id()), zero.hashChain());
        assertEquals(1, one.nonce());
        assertEquals(HashChain.next(zero.assignmentId(), zero.hashChain()), one.hashChain());
        assertTrue(one.timestamp() > zero.timestamp(), "a stuck clock still gives increasing timestamps");

        DataItem assignment = DataItem.parse(one.assignment());
        assertTrue(assignment.verify());
        assertEquals(List.of("Process", "Epoch", "Nonce", "Hash-Chain", "Block-Height", "Timestamp", "Data-Protocol",
                "Type", "Variant", "Message"), assignment.tags().stream().map(Tag::name).toList());
        assertEquals("000000000007", assignment.tag("Block-Height").orElseThrow());
        assertTrue(DataItem.parse(zero.assignment()).tag("Message").isEmpty(), "the spawn's own assignment names no message");
    }

    @Test
    void aMessageSentTwiceKeepsItsFirstSlot() throws Exception {
        sequencer.schedule(new NewProcess(process)).get();
        DataItem message = message("twice");
        Slot first = sequencer.schedule(new NewMessage(process.id(), message, null)).get();
        Slot again = sequencer.schedule(new NewMessage(process.id(), message, null)).get();
        assertEquals(first.nonce(), again.nonce());
        assertEquals(1, log.latest(process.id()).orElseThrow().nonce());
    }

    @Test
    void aResignedPushOfTheSameContentIsOrderedOnce() throws Exception {
        sequencer.schedule(new NewProcess(process)).get();
        DataItem push = message("pushed", new Tag("From-Process", "p".repeat(43)));
        DataItem retry = message("pushed", new Tag("From-Process", "p".repeat(43)));
        assertEquals(PushDedupe.key(push), PushDedupe.key(retry));
        DataItem strangersCopy = DataItem.sign(SU, process.id(), null, push.tags(), push.data());
        org.junit.jupiter.api.Assertions.assertNotEquals(PushDedupe.key(push), PushDedupe.key(strangersCopy),
                "another signer's copy is another push");
        Slot first = sequencer.schedule(new NewMessage(process.id(), push, PushDedupe.key(push))).get();
        Slot second = sequencer.schedule(new NewMessage(process.id(), retry, PushDedupe.key(retry))).get();
        assertEquals(first.messageId(), second.messageId());
        assertEquals(1, log.latest(process.id()).orElseThrow().nonce());
    }

    @Test
    void messagesToAnUnknownProcessAreRefusedAndNothingIsWritten() throws Exception {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> sequencer.schedule(new NewMessage(process.id(), message("x"), null)).get());
        SchedulingException cause = assertInstanceOf(SchedulingException.class, refused.getCause());
        assertEquals(SchedulingException.Kind.NOT_FOUND, cause.kind());
        assertTrue(log.latest(process.id()).isEmpty());
    }

    @Test
    void assignmentsNameTheMessageAndTheExcludedFields() throws Exception {
        sequencer.schedule(new NewProcess(process)).get();
        String tx = message("elsewhere").id();
        Slot slot = sequencer.schedule(new AssignExisting(process.id(), tx, List.of("Data", "Anchor"))).get();
        assertTrue(slot.isAssignmentOfExisting());
        DataItem assignment = DataItem.parse(slot.assignment());
        assertEquals(tx, assignment.tag("Message").orElseThrow());
        assertEquals(List.of("Data", "Anchor"), assignment.tagValues("Exclude"));
    }

    @Test
    void anUnsignableRequestFailsAloneAndItsBatchMatesTakeTheirSlots() throws Exception {
        sequencer.schedule(new NewProcess(process)).get();
        List<String> tooMany = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "Field" + i).toList();
        var before = sequencer.schedule(new NewMessage(process.id(), message("before"), null));
        var bad = sequencer.schedule(new AssignExisting(process.id(), message("elsewhere").id(), tooMany));
        var after = sequencer.schedule(new NewMessage(process.id(), message("after"), null));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertEquals(SchedulingException.Kind.INVALID, assertInstanceOf(SchedulingException.class, refused.getCause()).kind());
        assertEquals(1, before.get(10, TimeUnit.SECONDS).nonce());
        assertEquals(2, after.get(10, TimeUnit.SECONDS).nonce());
    }

    @Test
    void aStoreFailureFailsTheWaitingBatchAndTheNextRequestsStillSucceed() throws Exception {
        sequencer.schedule(new NewProcess(process)).get();
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        LogStore failing = (LogStore) java.lang.reflect.Proxy.newProxyInstance(LogStore.class.getClassLoader(),
                new Class<?>[] {LogStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append") && broken.getAndSet(false)) {
                        throw new IllegalStateException("SU log write failed: disk full");
                    }
                    try {
                        return method.invoke(log, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (Sequencer onFailingStore = new Sequencer(failing, new AssignmentSigner(SU), () -> 7, () -> 2_000)) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> onFailingStore.schedule(new NewMessage(process.id(), message("lost"), null)).get(10, TimeUnit.SECONDS));
            assertEquals(SchedulingException.Kind.UNAVAILABLE,
                    assertInstanceOf(SchedulingException.class, failed.getCause()).kind());
            Slot next = onFailingStore.schedule(new NewMessage(process.id(), message("kept"), null)).get(10, TimeUnit.SECONDS);
            assertEquals(1, next.nonce());
        }
    }
}
