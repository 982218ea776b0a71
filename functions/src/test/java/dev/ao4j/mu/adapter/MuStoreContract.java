package dev.ao4j.mu.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.mu.port.Monitors;
import dev.ao4j.mu.port.Monitors.Subscription;
import dev.ao4j.mu.port.SignedItems;
import dev.ao4j.mu.port.StepPayloads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every MU store must do ({@link SignedItems}, {@link StepPayloads} and {@link Monitors}); each adapter's test
 * extends this. A
 * "second instance" is a new store object on the same data (another MU process, or another Lambda instance).
 */
abstract class MuStoreContract {
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The ports of one MU instance; {@link #openInstance()} again gives another instance on the same data. */
    protected record Instance(SignedItems signed, StepPayloads payloads, Monitors monitors, AutoCloseable close) {}

    protected abstract void prepare() throws Exception;

    protected abstract Instance openInstance() throws Exception;

    @BeforeEach
    void prepareData() throws Exception {
        prepare();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
    }

    private Instance instance() throws Exception {
        Instance instance = openInstance();
        opened.add(instance.close());
        return instance;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstSignatureOfAStepIsTheOneKept() throws Exception {
        SignedItems signed = instance().signed();
        assertEquals(Optional.empty(), signed.find("deliver:m1:0"));
        assertArrayEquals(bytes("first"), signed.putIfAbsent("deliver:m1:0", bytes("first")));
        assertArrayEquals(bytes("first"), signed.putIfAbsent("deliver:m1:0", bytes("re-signed")),
                "a step that runs again pushes the bytes it signed the first time");
        assertArrayEquals(bytes("first"), signed.find("deliver:m1:0").orElseThrow());
        assertArrayEquals(bytes("other"), signed.putIfAbsent("deliver:m1:1", bytes("other")), "keys are independent");
    }

    @Test
    void instancesRacingOnOneStepAllPushTheSameBytes() throws Exception {
        int racers = 8;
        List<SignedItems> instances = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            instances.add(instance().signed());
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                String key = "spawn:race:" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<byte[]>> answers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    SignedItems signed = instances.get(i);
                    // Odd rounds: items larger than a DynamoDB item may be (400 KB).
                    byte[] mine = round % 2 == 0 ? bytes("signature " + i) : random(500_000 + i, i);
                    Callable<byte[]> race = () -> {
                        start.await();
                        return signed.putIfAbsent(key, mine);
                    };
                    answers.add(pool.submit(race));
                }
                start.countDown();
                List<byte[]> pushed = new ArrayList<>();
                for (Future<byte[]> answer : answers) {
                    pushed.add(answer.get());
                }
                byte[] kept = instances.getLast().find(key).orElseThrow();
                for (byte[] answer : pushed) {
                    assertArrayEquals(kept, answer, "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signedItemsOutliveTheInstanceThatSignedThem() throws Exception {
        Instance first = instance();
        byte[] item = random(300_000, 7);
        byte[] large = random(2_000_000, 8); // an outbox message with ~2 MB of Data
        first.signed().putIfAbsent("deliver:big", item);
        first.signed().putIfAbsent("deliver:large", large);
        first.close().close();
        SignedItems later = instance().signed();
        assertArrayEquals(item, later.find("deliver:big").orElseThrow());
        assertArrayEquals(large, later.find("deliver:large").orElseThrow());
        assertArrayEquals(large, later.putIfAbsent("deliver:large", random(2_000_000, 9)), "the first signature stays");
    }

    @Test
    void largeStepPayloadsComeBackWholeOnAnotherInstance() throws Exception {
        // 1.2 MB with two-byte characters, so a store that splits the bytes splits characters too.
        String payload = "{\"data\":\"" + "ü€x".repeat(200_000) + "\"}";
        StepPayloads first = instance().payloads();
        assertEquals(Optional.empty(), first.payload("deliver-task-1"));
        first.keep("deliver-task-1", payload);
        StepPayloads other = instance().payloads();
        assertEquals(payload, other.payload("deliver-task-1").orElseThrow());
        other.keep("deliver-task-1", "{\"data\":\"small\"}");
        assertEquals("{\"data\":\"small\"}", first.payload("deliver-task-1").orElseThrow(), "keeping again replaces");
        assertEquals(Optional.empty(), first.payload("deliver-task-2"));
    }

    @Test
    void monitorsAreAddedOnceAndRemovedOnce() throws Exception {
        Monitors monitors = instance().monitors();
        assertEquals(List.of(), monitors.all());
        assertTrue(monitors.add("P1"));
        assertFalse(monitors.add("P1"), "already monitored");
        assertEquals(List.of(new Subscription("P1", Optional.empty())), monitors.all());
        assertTrue(monitors.remove("P1"));
        assertFalse(monitors.remove("P1"), "no longer monitored");
        assertEquals(List.of(), monitors.all());
    }

    @Test
    void cursorsAreKeptAcrossResubscribingButNeverResurrectASubscription() throws Exception {
        Monitors monitors = instance().monitors();
        monitors.add("P1");
        monitors.saveCursor("P1", "cursor-1");
        assertFalse(monitors.add("P1"));
        assertEquals(List.of(new Subscription("P1", Optional.of("cursor-1"))), monitors.all(), "re-adding keeps the cursor");
        monitors.remove("P1");
        monitors.saveCursor("P1", "cursor-2");
        assertEquals(List.of(), monitors.all(), "a pass that ends after an unsubscribe does not subscribe again");
        monitors.add("P1");
        assertEquals(List.of(new Subscription("P1", Optional.empty())), monitors.all(), "a new subscription starts afresh");
    }

    @Test
    void everyInstanceSeesTheSameSubscriptionsInSubscriptionOrder() throws Exception {
        Monitors one = instance().monitors();
        Monitors other = instance().monitors();
        List<String> processes = IntStream.range(0, 120).mapToObj(i -> "process-" + (119 - i)).toList();
        for (String process : processes) {
            assertTrue((process.hashCode() % 2 == 0 ? one : other).add(process));
            Thread.sleep(1); // distinct subscription times
        }
        other.saveCursor("process-7", "c7");
        List<Subscription> seen = one.all();
        assertEquals(processes, seen.stream().map(Subscription::processId).toList());
        assertEquals(Optional.of("c7"), seen.stream().filter(s -> s.processId().equals("process-7")).findFirst().orElseThrow().cursor());
        assertTrue(other.remove("process-0"));
        assertFalse(one.all().stream().anyMatch(s -> s.processId().equals("process-0")));
    }
}
