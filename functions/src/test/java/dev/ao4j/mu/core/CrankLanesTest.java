package dev.ao4j.mu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.mu.port.CrankTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which queue group each crank step runs in: one lane per sender and target, pulls per process. */
class CrankLanesTest {
    private static final String SENDER = "S".repeat(43);
    private static final String X = "X".repeat(43);
    private static final String Y = "Y".repeat(43);

    private static CrankStep.Deliver deliver(String target, int index) {
        return new CrankStep.Deliver(SENDER, "R".repeat(43), index, "P".repeat(43),
                new Outbox.Message(target, null, List.of(new Tag("Action", "Note")), "hi"));
    }

    @Test
    void deliveriesToOneTargetShareALaneAndOtherTargetsHaveTheirOwn() {
        assertEquals(deliver(X, 0).group(), deliver(X, 1).group(), "order per sender and target is kept");
        assertNotEquals(deliver(X, 0).group(), deliver(Y, 2).group(), "another target does not wait");
        assertNotEquals(SENDER, deliver(X, 0).group(), "nor do the sender's own result pulls");
        assertEquals(SENDER, new CrankStep.PullResult(SENDER, "M".repeat(43), null).group());
        assertEquals(SENDER + ">" + X, deliver(X, 0).group());
    }

    @Test
    void anAssignmentToAProcessSharesTheLaneOfMessagesToIt() {
        CrankStep.Assign assign = new CrankStep.Assign(X, "T".repeat(43), false, List.of(), null, SENDER);
        assertEquals(deliver(X, 0).group(), assign.group());
    }

    @Test
    void spawnsRunInTheLaneOfTheirScheduler() {
        CrankStep.Spawn here = spawn("A".repeat(43));
        CrankStep.Spawn there = spawn("B".repeat(43));
        assertNotEquals(here.group(), there.group());
        assertNotEquals(SENDER, here.group());
    }

    @Test
    void aLaneIsAlwaysAValidQueueGroup() {
        String odd = CrankStep.lane(SENDER, "spawn:" + "é ".repeat(100));
        assertTrue(odd.length() <= CrankTask.MAX_GROUP_LENGTH && odd.matches("[\\x21-\\x7E]+"), odd);
        CrankTask.of("id", odd, "spawn", "{}"); // accepted by the queue's own check
    }

    private static CrankStep.Spawn spawn(String scheduler) {
        return new CrankStep.Spawn(SENDER, "R".repeat(43), 0, null,
                new Outbox.Spawn(null, List.of(new Tag("Scheduler", scheduler)), ""));
    }
}
