package dev.ao4j.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.testing.Compat;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Snapshots, restore, limits and failure recovery on the wasm32 aos build (one boot shared by the tests). */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessInstanceTest {
    private static final ModuleFormat FORMAT = ModuleFormat.WASM32_EMSCRIPTEN4;
    private WasmEngine engine;
    private AoModule module;
    private JsonNode env;
    private byte[] booted;

    @BeforeAll
    void boot() throws Exception {
        engine = WasmEngine.create();
        module = AoModule.load(engine, Files.readAllBytes(Compat.module("aos2_0_4_32.wasm")), FORMAT);
        AosScenario s = new AosScenario(FORMAT).spawn()
                .eval("Count = 0\nHandlers.add('inc', Handlers.utils.hasMatchingTag('Action', 'Inc'), function(msg)\n"
                        + "  Count = Count + 1\n  msg.reply({ Data = tostring(Count) })\nend)\nreturn 'ok'");
        env = s.env();
        try (ProcessInstance p = ProcessInstance.start(module, Limits.DEFAULT)) {
            for (JsonNode m : s.messages()) {
                HandleResult r = p.handle(m, env);
                assertTrue(!r.failed(), () -> "boot failed: " + r.toJson());
            }
            booted = p.snapshot();
        }
    }

    @AfterAll
    void close() {
        engine.close();
    }

    private String inc(ProcessInstance p, int nonce) throws Exception {
        AosScenario s = new AosScenario(FORMAT);
        for (int i = 0; i < nonce; i++) {
            s.cron(); // advance the nonce so ids differ
        }
        s.message(AosScenario.USER, "", "Action", "Inc");
        JsonNode msg = s.messages().get(s.messages().size() - 1);
        HandleResult r = p.handle(msg, env);
        assertTrue(!r.failed(), () -> "inc failed: " + r.toJson());
        return r.messages().get(0).get("Data").asText();
    }

    private HandleResult eval(ProcessInstance p, String lua) throws Exception {
        return p.handle(evalMessage(lua), env);
    }

    private static JsonNode evalMessage(String lua) {
        return new AosScenario(FORMAT).eval(lua).messages().get(0);
    }

    @Test
    void restoredSnapshotContinuesLikeTheOriginal() throws Exception {
        try (ProcessInstance original = ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, booted)) {
            assertEquals("1", inc(original, 1));
            byte[] snapshot = original.snapshot();
            assertTrue(snapshot.length < original.memorySize() / 4, "the snapshot is compressed: " + snapshot.length);
            String afterTwo;
            try (ProcessInstance copy = ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, snapshot)) {
                assertEquals(original.memorySha256(), copy.memorySha256());
                assertEquals("2", inc(copy, 2));
                afterTwo = copy.memorySha256();
            }
            assertEquals("2", inc(original, 2));
            assertEquals(afterTwo, original.memorySha256(), "restore + continue = uninterrupted");
        }
    }

    @Test
    void aHibernatingProcessKeepsOnlyItsTouchedPagesAndContinuesLikeTheOriginal() throws Exception {
        try (ProcessInstance original = ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, booted);
             ProcessInstance sleeper = ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, booted)) {
            assertEquals("1", inc(original, 1));
            assertEquals("1", inc(sleeper, 1));
            String hash = sleeper.memorySha256();
            byte[] snapshot = sleeper.snapshot();

            sleeper.hibernate();
            assertTrue(sleeper.hibernating());
            assertTrue(sleeper.residentBytes() < sleeper.memorySize() / 4,
                    "only touched pages are kept: " + sleeper.residentBytes() + " of " + sleeper.memorySize());
            assertEquals(hash, sleeper.memorySha256(), "hashed from the kept pages, zero pages included");
            assertEquals(original.memorySize(), sleeper.memorySize());
            assertTrue(java.util.Arrays.equals(snapshot, sleeper.snapshot()), "the same snapshot, without waking");
            assertTrue(sleeper.hibernating(), "reads do not wake it");

            assertEquals("2", inc(sleeper, 2));
            assertTrue(!sleeper.hibernating(), "a message wakes it");
            assertEquals("2", inc(original, 2));
            assertEquals(original.memorySha256(), sleeper.memorySha256(), "hibernate + wake = uninterrupted");

            sleeper.hibernate();
            HandleResult failed = eval(sleeper, "Count = 500\nerror('nope')");
            assertTrue(failed.failed(), () -> failed.toJson().toString());
            assertEquals(original.memorySha256(), sleeper.memorySha256(), "a failure right after waking rolls back");
            assertEquals("3", inc(sleeper, 3));
            assertEquals("3", inc(original, 3));
            assertEquals(original.memorySha256(), sleeper.memorySha256());
        }
    }

    @Test
    void failedMessagesLeaveTheMemoryAsItWas() throws Exception {
        try (ProcessInstance p = ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, booted)) {
            assertEquals("1", inc(p, 1));
            String before = p.memorySha256();
            HandleResult failed = eval(p, "Count = 500\nerror('nope')");
            assertTrue(failed.failed(), () -> failed.toJson().toString());
            assertEquals(before, p.memorySha256());
            assertEquals("2", inc(p, 2), "the assignment before the error was rolled back");
        }
    }

    @Test
    void memoryLimitYieldsAnErrorAndKeepsTheState() throws Exception {
        try (ProcessInstance p = ProcessInstance.restore(module, new Limits(160L << 20, 1), WeaveDrive.NONE, false, booted)) {
            assertEquals("1", inc(p, 1));
            long size = p.memorySize();
            String before = p.memorySha256();
            HandleResult r = eval(p, "Big = {}\nfor i = 1, 200 do Big[i] = string.rep('y', 1024 * 1024 - i) end\nreturn #Big");
            assertTrue(r.failed(), () -> "expected an Error: " + r.toJson());
            assertEquals(size, p.memorySize());
            assertEquals(before, p.memorySha256());
            assertEquals("2", inc(p, 2));
        }
    }

    @Test
    void aRunawayLoopIsCancelledAtItsDeadlineAndLeavesNothingBehind() throws Exception {
        Limits limits = Limits.DEFAULT.withEvalTimeout(java.time.Duration.ofSeconds(10)); // generous: 2 shared cores
        try (ProcessInstance p = ProcessInstance.restore(module, limits, WeaveDrive.NONE, false, booted);
             ProcessInstance twin = ProcessInstance.restore(module, limits, WeaveDrive.NONE, false, booted)) {
            assertEquals("1", inc(p, 1));
            assertEquals("1", inc(twin, 1));
            String before = p.memorySha256();
            EvaluationTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(
                    EvaluationTimeoutException.class, () -> p.handle(evalMessage("Count = 77\nwhile true do end"), env,
                            java.time.Duration.ofMillis(500)));
            assertEquals(500, timeout.deadline().toMillis());
            assertEquals(before, p.memorySha256());
            assertEquals("2", inc(p, 2));
            assertEquals("2", inc(twin, 2));
            assertEquals(twin.memorySha256(), p.memorySha256(), "memory and clock as if the message never came");
        }
    }

    @Test
    void cancelDiscardsTheInstanceFromAnotherThread() throws Exception {
        try (ProcessInstance p = ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, booted)) {
            var stopper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            stopper.schedule(p::cancel, 300, java.util.concurrent.TimeUnit.MILLISECONDS);
            org.junit.jupiter.api.Assertions.assertThrows(InstanceFailedException.class,
                    () -> eval(p, "while true do end"));
            stopper.shutdown();
            org.junit.jupiter.api.Assertions.assertThrows(InstanceFailedException.class, p::memorySha256);
        }
    }

    @Test
    void onBootCodeIsReadThroughWeaveDrive() throws Exception {
        byte[] code = "Booted = 'from the drive'".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String tx = "BOOT_TX_gggggggggggggggggggggggggggggggggggggg";
        WeaveDrive drive = new WeaveDrive() {
            @Override
            public java.util.Optional<Long> dataSize(String txId) {
                return txId.equals(tx) ? java.util.Optional.of((long) code.length) : java.util.Optional.empty();
            }

            @Override
            public byte[] readData(String txId, long offset, int length) {
                return java.util.Arrays.copyOfRange(code, (int) offset, (int) offset + length);
            }

            @Override
            public java.util.Optional<byte[]> txJson(String txId) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<byte[]> blockJson(long height) {
                return java.util.Optional.empty();
            }
        };
        AosScenario s = new AosScenario(FORMAT).spawn().eval("return Booted");
        com.fasterxml.jackson.databind.node.ObjectNode spawn = (com.fasterxml.jackson.databind.node.ObjectNode) s.messages().get(0);
        AosScenario.tag((com.fasterxml.jackson.databind.node.ArrayNode) spawn.get("Tags"), "On-Boot", tx);
        try (ProcessInstance p = ProcessInstance.start(module, Limits.DEFAULT, drive, true)) {
            HandleResult boot = p.handle(spawn, env);
            assertTrue(!boot.failed(), () -> boot.toJson().toString());
            HandleResult r = p.handle(s.messages().get(1), env);
            assertEquals("from the drive", r.output().get("data").asText(), () -> r.toJson().toString());
        }
    }

    @Test
    void corruptSnapshotsAreRejected() {
        byte[] truncated = java.util.Arrays.copyOf(booted, booted.length / 2);
        assertThrows(SnapshotException.class, () -> ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, truncated));
        assertThrows(SnapshotException.class, () -> ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, new byte[] {1, 2, 3}));
        byte[] otherFormat = booted.clone();
        otherFormat[14] = 'X';
        assertThrows(SnapshotException.class, () -> ProcessInstance.restore(module, Limits.DEFAULT, WeaveDrive.NONE, false, otherFormat));
    }

    @Test
    void unknownFormatsAndBadBytesAreTypedErrors() {
        assertThrows(UnsupportedModuleException.class, () -> ModuleFormat.require("wasm99-nope"));
        assertThrows(ModuleLoadException.class, () -> AoModule.load(engine, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, FORMAT));
        assertNotEquals(0, booted.length);
    }
}
