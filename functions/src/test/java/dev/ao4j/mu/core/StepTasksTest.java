package dev.ao4j.mu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.mu.adapter.SqliteMuStore;
import dev.ao4j.mu.port.CrankTask;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StepTasksTest {
    private static final String SENDER = "S".repeat(43);
    private static final String TARGET = "T".repeat(43);

    private SqliteMuStore store;
    private StepTasks tasks;

    @BeforeEach
    void open() throws Exception {
        store = new SqliteMuStore(Files.createTempDirectory("step-tasks").resolve("mu.db"));
        tasks = new StepTasks(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CrankStep.Deliver deliver(String data) {
        return new CrankStep.Deliver(SENDER, "result-1", 0, "pushed-for",
                new Outbox.Message(TARGET, "anchor", List.of(new Tag("Action", "Big")), data));
    }

    @Test
    void aStepWithinTheQueuesLimitTravelsInline() {
        CrankStep.Deliver step = deliver("small");
        CrankTask task = tasks.task(step);
        assertEquals(StepCodec.json(step), task.payloadJson());
        assertTrue(store.payload(task.id()).isEmpty(), "nothing stored");
        assertEquals(step, tasks.step(task));
    }

    @Test
    void aLargerStepIsStoredAndItsTaskCarriesAClaim() {
        CrankStep.Deliver step = deliver("x".repeat(CrankTask.MAX_PAYLOAD_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> StepCodec.task(step), "too large for a queue message");
        CrankTask task = tasks.task(step);
        assertEquals(StepTasks.CLAIM, task.payloadJson());
        assertEquals(step.key(), task.id());
        assertEquals(step.group(), task.group());
        assertEquals("deliver", task.type());
        assertEquals(step, tasks.step(task.withAttempt(2)), "the step comes back whole");
    }

    @Test
    void aClaimWithoutItsPayloadIsAClearError() {
        CrankTask orphan = CrankTask.of("task-without-payload", SENDER, "deliver", StepTasks.CLAIM);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> tasks.step(orphan));
        assertEquals("crank task task-without-payload claims a stored payload, and none is stored", error.getMessage());
    }
}
