package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.core.CuSettings;
import dev.ao4j.cu.core.Target;
import dev.ao4j.cu.port.BlockSource;
import dev.ao4j.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation pipeline end to end over an in-memory SU log and a counting runtime: ordering, stored results,
 * errors, dry-runs, dedupe of forwarded duplicates, hash-chain rejection, crons, checkpoints, limits.
 */
class ComputePipelineTest {
    @TempDir
    Path dir;

    private PipelineHarness harness(FakeSu su, CuSettings settings) {
        return new PipelineHarness(dir, su, settings, new MemoryCheckpoints(), PipelineHarness.moduleTags());
    }

    private static List<Tag> action(String action) {
        return List.of(new Tag("Action", action));
    }

    @Test
    void evaluatesUpToTheAskedMessageAndStoresEveryResult() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(su.send(action("Ping"), "m" + i));
        }
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            assertEquals("count=4", h.compute.result(ids.get(2), su.processId).get("Output").asText());
            assertEquals(4, h.runtime.seen.size(), "the process's own message and messages 1..3 only");
            assertEquals("count=2", h.compute.result(ids.get(0), su.processId).get("Output").asText(), "stored, not re-evaluated");
            assertEquals(4, h.runtime.seen.size());
            assertEquals("count=6", h.compute.result(ids.get(4), su.processId).get("Output").asText());
            JsonNode page = h.compute.results(su.processId, null, null, "ASC", 100);
            assertEquals(6, page.get("edges").size());
            assertEquals("count=1", page.get("edges").get(0).get("node").get("Output").asText());
        }
    }

    @Test
    void aRequestsLastMemoryIsHashedWhileTheProcessIsIdleAndItsAttestationStatesIt() throws Exception {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String first = su.send(action("Ping"), "a");
        try (PipelineHarness h = harness(su, CuSettings.defaults().withHashEveryMessage(false))) {
            h.compute.result(first, su.processId);
            String hashed = null;
            for (int i = 0; i < 200 && hashed == null; i++) {
                hashed = h.results.byMessage(su.processId, first).orElseThrow().memorySha256();
                Thread.sleep(50);
            }
            assertEquals(h.compute.memorySha256(su.processId, Target.LATEST), hashed, "hashed after the answer");
            assertEquals(hashed, h.compute.attestation(first, su.processId).get("memorySha256").asText());
        }
    }

    @Test
    void aRequestThatComesBeforeTheIdleHashDropsItAndAPendingHashIsTakenForAnAttestation() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String first = su.send(action("Ping"), "a");
        String second = su.send(action("Ping"), "b");
        try (PipelineHarness h = harness(su, CuSettings.defaults().withHashEveryMessage(false))) {
            h.runtime.idleHashesOnlyGiveWay = true;
            h.compute.result(first, su.processId);
            h.compute.result(second, su.processId); // comes first: the idle hash gives way and is dropped
            assertNull(h.results.byMessage(su.processId, first).orElseThrow().memorySha256());
            assertTrue(h.compute.attestation(first, su.processId).get("memorySha256").isNull(),
                    "no memory hash is stated for a memory that was never hashed");

            h.runtime.idleHashesOnlyGiveWay = false;
            String afterSecond = h.compute.memorySha256(su.processId, Target.LATEST);
            assertEquals(afterSecond, h.compute.attestation(second, su.processId).get("memorySha256").asText(),
                    "an attestation takes the pending hash of the memory its message left");
            String third = su.send(action("Ping"), "c");
            h.compute.result(third, su.processId);
            assertFalse(h.compute.memorySha256(su.processId, Target.LATEST).equals(afterSecond), "the memory changed");
            assertEquals(afterSecond, h.results.byMessage(su.processId, second).orElseThrow().memorySha256());
        }
    }

    @Test
    void aProcessThatKeepsReceivingMessagesSpendsNoHashUntilItIsQuiet() throws Exception {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        Duration quiet = Duration.ofMillis(600);
        try (PipelineHarness h = harness(su, CuSettings.defaults().withHashEveryMessage(false).withIdleHashAfter(quiet))) {
            String last = null;
            for (int i = 0; i < 6; i++) {
                last = su.send(action("Ping"), "m" + i);
                h.compute.result(last, su.processId);
                Thread.sleep(quiet.toMillis() / 6);
            }
            assertEquals(0, h.runtime.idleHashes.get(), "no hash was started while messages kept coming");
            String lastMessage = last;
            Await.until("the quiet process's last memory is hashed", Duration.ofSeconds(20), Duration.ofMillis(50),
                    () -> h.results.byMessage(su.processId, lastMessage).orElseThrow().memorySha256() != null);
            assertEquals(1, h.runtime.idleHashes.get(), "one hash, of the last memory only");
            assertEquals(h.compute.memorySha256(su.processId, Target.LATEST),
                    h.results.byMessage(su.processId, lastMessage).orElseThrow().memorySha256());
        }
    }

    @Test
    void anUntouchedProcessHibernatesAndItsNextMessageContinuesInTheSameInstance() throws Exception {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String first = su.send(action("Ping"), "a");
        try (PipelineHarness h = harness(su, CuSettings.defaults().withHibernateAfter(Duration.ofMillis(200)))) {
            assertEquals("count=2", h.compute.result(first, su.processId).get("Output").asText());
            Await.until("the untouched process hibernates", Duration.ofSeconds(20), Duration.ofMillis(50),
                    () -> h.runtime.created.getFirst().hibernating);
            String second = su.send(action("Ping"), "b");
            assertEquals("count=3", h.compute.result(second, su.processId).get("Output").asText());
            assertFalse(h.runtime.created.getFirst().hibernating, "its message woke it");
            assertEquals(1, h.runtime.instances, "woken in place, not loaded again from a checkpoint");
        }
    }

    @Test
    void aFailedMessageGivesAnErrorResultAndTheNextOneSeesThePreviousMemory() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String ok = su.send(action("Ping"), "a");
        String bad = su.send(action("Fail"), "b");
        String next = su.send(action("Ping"), "c");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            assertEquals("count=2", h.compute.result(ok, su.processId).get("Output").asText());
            assertEquals("asked to fail", h.compute.result(bad, su.processId).get("Error").asText());
            assertEquals("count=3", h.compute.result(next, su.processId).get("Output").asText());
            JsonNode page = h.compute.results(su.processId, null, null, null, null);
            assertEquals(3, page.get("edges").size(), "errored evaluations are left out of /results, as AO does");
        }
    }

    @Test
    void dryRunEvaluatesReadOnlyAndLeavesTheStateUnchanged() throws Exception {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        su.send(action("Ping"), "a");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            h.compute.evaluate(su.processId, Target.LATEST);
            String before = h.compute.memorySha256(su.processId, Target.LATEST);
            ObjectNode body = CountingRuntime.JSON.createObjectNode();
            body.put("Id", "1234").put("Target", su.processId).put("Owner", "someone").put("Data", "hi");
            body.putArray("Tags").addObject().put("name", "Action").put("value", "Info");
            JsonNode result = h.compute.dryRun(su.processId, null, body);
            assertEquals("count=3", result.get("Output").asText());
            JsonNode dryMsg = CountingRuntime.JSON.readTree(h.runtime.seen.getLast());
            assertTrue(dryMsg.get("Read-Only").asBoolean());
            assertEquals(1_700_000_000_001L, dryMsg.get("Timestamp").asLong(), "the time of the state it ran on");
            assertEquals(before, h.compute.memorySha256(su.processId, Target.LATEST), "the memory is as before the dry-run");
            assertEquals(2, h.compute.results(su.processId, null, null, null, null).get("edges").size(), "nothing stored");
            String after = su.send(action("Ping"), "b");
            assertEquals("count=3", h.compute.result(after, su.processId).get("Output").asText(),
                    "the next real message does not see the dry-run");
        }
    }

    @Test
    void aRePushedForwardedMessageIsEvaluatedOnce() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String mu = FakeSu.randomId();
        List<Tag> pushed = List.of(new Tag("Action", "Ping"), new Tag("From-Process", "P".repeat(43)));
        String first = su.sendAs(mu, pushed, "same");
        String again = su.sendAs(mu, pushed, "same");
        String other = su.send(action("Ping"), "x");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            assertEquals("count=2", h.compute.result(first, su.processId).get("Output").asText());
            CuException skipped = assertThrows(CuException.class, () -> h.compute.result(again, su.processId));
            assertEquals(404, skipped.status());
            assertEquals("count=3", h.compute.result(other, su.processId).get("Output").asText(),
                    "the hash chain still links across the skipped slot");
        }
    }

    @Test
    void aReplayAfterACrashEvaluatesEveryMessageItsOwnStoredResultIncluded() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String mu = FakeSu.randomId();
        su.sendAs(mu, List.of(new Tag("Action", "Credit-Notice"), new Tag("From-Process", "P".repeat(43))), "1");
        su.send(action("Ping"), "x");
        su.sendAs(mu, List.of(new Tag("Action", "Credit-Notice"), new Tag("From-Process", "Q".repeat(43))), "2");
        Path resultsDb = dir.resolve("results.db");
        String uninterrupted;
        try (PipelineHarness before = PipelineHarness.onResults(resultsDb, su, CuSettings.defaults().withCheckpointEvery(0))) {
            before.compute.evaluate(su.processId, Target.LATEST);
            uninterrupted = before.compute.memorySha256(su.processId, Target.LATEST);
        }
        try (PipelineHarness after = PipelineHarness.onResults(resultsDb, su, CuSettings.defaults())) {
            after.compute.evaluate(su.processId, Target.LATEST);
            assertEquals(4, after.runtime.seen.size(), "no checkpoint: the whole log is replayed, the forwarded messages too");
            assertEquals(uninterrupted, after.compute.memorySha256(su.processId, Target.LATEST));
        }
    }

    @Test
    void aStrangersCopyOfAForwardedMessageDoesNotMakeTheGenuineOneADuplicate() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        List<Tag> notice = List.of(new Tag("Action", "Credit-Notice"), new Tag("From-Process", "P".repeat(43)));
        su.sendAs(FakeSu.randomId(), notice, "100");
        String genuine = su.sendAs(FakeSu.randomId(), notice, "100");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            assertEquals("count=3", h.compute.result(genuine, su.processId).get("Output").asText(),
                    "the genuine push is evaluated after the front-run copy");
        }
    }

    @Test
    void aMessagePastItsDeadlineIsNotStoredAndIsRefusedUntilItsRetryTime() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String first = su.send(action("Ping"), "a");
        String hang = su.send(action("Hang"), "b");
        String after = su.send(action("Ping"), "c");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            assertEquals("count=2", h.compute.result(first, su.processId).get("Output").asText());
            CuException timedOut = assertThrows(CuException.class, () -> h.compute.result(hang, su.processId));
            assertEquals(503, timedOut.status());
            assertTrue(timedOut.retryAfterSeconds() > 0);
            int evaluated = h.runtime.seen.size();
            CuException again = assertThrows(CuException.class, () -> h.compute.result(after, su.processId));
            assertEquals(503, again.status(), "a later message needs the one that timed out");
            assertEquals(evaluated, h.runtime.seen.size(), "refused without running it again");
            assertEquals("count=2", h.compute.result(first, su.processId).get("Output").asText());
            assertEquals(2, h.compute.results(su.processId, null, null, "ASC", 100).get("edges").size(),
                    "nothing stored past the first message");
        }
    }

    @Test
    void aBrokenHashChainIsRefusedWith422() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        su.send(action("Ping"), "a");
        String target = su.send(action("Ping"), "b");
        ObjectNode assignment = (ObjectNode) su.edges.get(2).get("node").get("assignment");
        for (JsonNode tag : assignment.get("tags")) {
            if (tag.get("name").asText().equals("Hash-Chain")) {
                ((ObjectNode) tag).put("value", FakeSu.randomId());
            }
        }
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            CuException refused = assertThrows(CuException.class, () -> h.compute.result(target, su.processId));
            assertEquals(422, refused.status());
            assertTrue(refused.getMessage().contains("HashChain invalid"), refused.getMessage());
        }
    }

    @Test
    void anAssignmentSignedByAnyoneButTheProcesssSchedulerIsRefusedWith422() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String target = su.send(action("Ping"), "a");
        ((ObjectNode) su.edges.get(1).get("node").get("assignment").get("owner")).put("address", "X".repeat(43));
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            CuException refused = assertThrows(CuException.class, () -> h.compute.result(target, su.processId));
            assertEquals(422, refused.status());
            assertTrue(refused.getMessage().contains("not by the process's Scheduler"), refused.getMessage());
        }
    }

    @Test
    void anUnsignedAssignmentIsRefusedWith422() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String target = su.send(action("Ping"), "a");
        ((ObjectNode) su.edges.get(1).get("node").get("assignment")).put("signature", "forged");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            assertEquals(422, assertThrows(CuException.class, () -> h.compute.result(target, su.processId)).status());
        }
    }

    @Test
    void cronMessagesAreEvaluatedBetweenScheduledOnesAndListedByCron() throws Exception {
        long t0 = 1_700_000_000_000L;
        FakeSu su = new FakeSu(t0, 1000, List.of(new Tag("Cron-Interval", "10-seconds"), new Tag("Cron-Tag-Action", "Tick")));
        su.clock = t0 + 35_000;
        String late = su.send(action("Ping"), "late");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            assertEquals("count=5", h.compute.result(late, su.processId).get("Output").asText(), "boot, 3 crons, then the message");
            JsonNode crons = h.compute.cron(su.processId, null, Long.toString(t0 + 35_000), null);
            assertEquals(3, crons.get("edges").size());
            JsonNode cronMsg = CountingRuntime.JSON.readTree(h.runtime.seen.get(1));
            assertTrue(cronMsg.get("Cron").asBoolean());
            assertEquals(t0 + 10_000, cronMsg.get("Timestamp").asLong());
            assertEquals("Tick", cronMsg.get("Tags").get(0).get("value").asText());
            assertEquals("Action", cronMsg.get("Tags").get(0).get("name").asText());
            assertFalse(cronMsg.has("Id"));
        }
    }

    @Test
    void blockCronsFireWhenTheTicksReachABlock() {
        long t0 = 1_700_000_000_000L;
        FakeSu su = new FakeSu(t0, 1000, List.of(new Tag("Cron-Interval", "2-blocks"), new Tag("Cron-Tag-Action", "Blk")));
        su.clock = t0 + 600_000;
        su.blockHeight = 1005;
        String late = su.send(action("Ping"), "late");
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            for (int i = 1; i <= 5; i++) {
                h.blocks.add(new BlockSource.Block(1000 + i, t0 + i * 120_000L - 500));
            }
            h.compute.result(late, su.processId);
            JsonNode crons = h.compute.cron(su.processId, null, Long.toString(t0 + 600_000), null);
            assertEquals(2, crons.get("edges").size(), "heights 1002 and 1004");
        }
    }

    @Test
    void aNewComputeUnitContinuesFromTheNewestCheckpointWithTheSameState() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(su.send(action("Ping"), "m" + i));
        }
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        String uninterrupted;
        try (PipelineHarness h = harness(su, CuSettings.defaults().withCheckpointEvery(0))) {
            h.compute.evaluate(su.processId, Target.LATEST);
            uninterrupted = h.compute.memorySha256(su.processId, Target.LATEST);
        }
        try (PipelineHarness h = new PipelineHarness(dir, su, CuSettings.defaults().withCheckpointEvery(3), checkpoints,
                PipelineHarness.moduleTags())) {
            h.compute.result(ids.get(4), su.processId);
            assertEquals(2, checkpoints.written.size(), "after 3 and 6 evaluations");
        }
        try (PipelineHarness h = new PipelineHarness(dir, su, CuSettings.defaults(), checkpoints, PipelineHarness.moduleTags())) {
            h.compute.evaluate(su.processId, Target.LATEST);
            assertEquals(2, h.runtime.seen.size(), "only what follows the checkpoint at nonce 5 was evaluated");
            assertEquals(uninterrupted, h.compute.memorySha256(su.processId, Target.LATEST));
            assertEquals("count=8", h.compute.result(ids.get(6), su.processId).get("Output").asText());
        }
    }

    @Test
    void anIdleProcessIsCheckpointedAndUnloaded() throws Exception {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        String id = su.send(action("Ping"), "a");
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        try (PipelineHarness h = new PipelineHarness(dir, su, CuSettings.defaults().withCheckpointEvery(0)
                .withIdleTimeout(Duration.ofMillis(200)), checkpoints, PipelineHarness.moduleTags())) {
            h.compute.result(id, su.processId);
            Await.until("the idle process is unloaded", Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> h.compute.loadedProcesses() == 0);
            assertEquals(0, h.compute.loadedProcesses());
            assertEquals(1, checkpoints.written.size());
            String next = su.send(action("Ping"), "b");
            assertEquals("count=3", h.compute.result(next, su.processId).get("Output").asText());
            assertEquals(2, h.runtime.instances, "reloaded from the checkpoint");
        }
    }

    @Test
    void limitsAboveTheMaximaAre413AndUnsupportedFormats422() {
        FakeSu big = new FakeSu(1_700_000_000_000L, 1000, List.of(new Tag("Memory-Limit", "2-gb")));
        try (PipelineHarness h = harness(big, CuSettings.defaults())) {
            assertEquals(413, assertThrows(CuException.class, () -> h.compute.evaluate(big.processId, Target.LATEST)).status());
        }
        FakeSu ok = new FakeSu(1_700_000_000_000L, 1000, List.of(new Tag("Compute-Limit", "10")));
        try (PipelineHarness h = harness(ok, CuSettings.defaults().withLimits(CuSettings.AO_MAX_MEMORY, 5))) {
            assertEquals(413, assertThrows(CuException.class, () -> h.compute.evaluate(ok.processId, Target.LATEST)).status());
        }
        FakeSu missing = new FakeSu(1_700_000_000_000L, 1000, List.of());
        List<Tag> noLimits = List.of(new Tag("Module-Format", "wasm32-unknown-emscripten4"));
        try (PipelineHarness h = new PipelineHarness(dir, missing, CuSettings.defaults(), new MemoryCheckpoints(), noLimits)) {
            CuException e = assertThrows(CuException.class, () -> h.compute.evaluate(missing.processId, Target.LATEST));
            assertEquals(413, e.status());
            assertTrue(e.getMessage().contains("Memory-Limit not found"), e.getMessage());
        }
        FakeSu other = new FakeSu(1_700_000_000_000L, 1000, List.of());
        List<Tag> wasm64 = List.of(new Tag("Module-Format", "wasm64-unknown-emscripten-draft_2024_02_15"),
                new Tag("Memory-Limit", "1-gb"), new Tag("Compute-Limit", "1"));
        try (PipelineHarness h = new PipelineHarness(dir, other, CuSettings.defaults(), new MemoryCheckpoints(), wasm64)) {
            assertEquals(422, assertThrows(CuException.class, () -> h.compute.evaluate(other.processId, Target.LATEST)).status());
        }
    }

    @Test
    void resultsPageWithCursorsInBothDirections() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1000, List.of());
        for (int i = 0; i < 6; i++) {
            su.send(action("Ping"), "m" + i);
        }
        try (PipelineHarness h = harness(su, CuSettings.defaults())) {
            h.compute.evaluate(su.processId, Target.LATEST);
            JsonNode first = h.compute.results(su.processId, null, null, "ASC", 3);
            assertTrue(first.get("pageInfo").get("hasNextPage").asBoolean());
            String cursor = first.get("edges").get(2).get("cursor").asText();
            JsonNode second = h.compute.results(su.processId, cursor, null, "ASC", 10);
            assertEquals(4, second.get("edges").size());
            assertEquals("count=4", second.get("edges").get(0).get("node").get("Output").asText());
            assertFalse(second.get("pageInfo").get("hasNextPage").asBoolean());
            JsonNode latest = h.compute.results(su.processId, null, null, "DESC", 1);
            assertEquals("count=7", latest.get("edges").get(0).get("node").get("Output").asText());
            String bare = Long.toString(su.timestampOf(4));
            assertEquals(2, h.compute.results(su.processId, bare, null, "ASC", 10).get("edges").size(),
                    "a bare number is a timestamp");
        }
    }
}
