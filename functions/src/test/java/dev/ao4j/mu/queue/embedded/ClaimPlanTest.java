package dev.ao4j.mu.queue.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.mu.port.CrankTask;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim costs the same however many tasks wait: spamming /mu/push must not slow every crank. SQLite's own plan for
 * the claim shows an index search of the group heads, and the heads stay right through every change of a group.
 */
class ClaimPlanTest {
    @TempDir
    Path dir;

    @Test
    void theClaimSearchesTheHeadsIndexAndScansNoTable() {
        try (SqliteTaskQueue queue = SqliteTaskQueue.open(dir, Duration.ofMinutes(1), Duration.ofMinutes(10))) {
            QueueDatabase database = QueueDatabase.open(dir);
            List<String> plan = database.read("plan", c -> {
                List<String> steps = new ArrayList<>();
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN QUERY PLAN " + SqliteTaskQueue.CLAIM)) {
                    explain.setLong(1, 0);
                    explain.setInt(2, 1);
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            steps.add(rows.getString("detail"));
                        }
                    }
                }
                return steps;
            });
            database.close();
            assertTrue(plan.stream().anyMatch(step -> step.contains("crank_heads_due")), plan.toString());
            assertFalse(plan.stream().anyMatch(step -> step.startsWith("SCAN")), "no full scan: " + plan);
        }
    }

    @Test
    void headsFollowEnqueueCompleteAndRetryAcrossManyGroups() {
        try (SqliteTaskQueue queue = SqliteTaskQueue.open(dir, Duration.ofMinutes(1), Duration.ofMinutes(10))) {
            for (int group = 0; group < 50; group++) {
                for (int i = 0; i < 3; i++) {
                    queue.enqueue(new CrankTask("t-" + group + "-" + i, "g" + group, "deliver", "{}", 0));
                }
            }
            var first = queue.claim(100, Duration.ZERO);
            assertEquals(50, first.size(), "one head per group");
            assertTrue(first.stream().allMatch(l -> l.task().id().endsWith("-0")), "the oldest of each group");
            assertEquals(0, queue.claim(100, Duration.ZERO).size(), "leased heads hold their groups");
            first.forEach(lease -> {
                if (lease.task().group().equals("g0")) {
                    queue.retryLater(lease, Duration.ofHours(1), "later");
                } else {
                    queue.complete(lease);
                }
            });
            var second = queue.claim(100, Duration.ZERO);
            assertEquals(49, second.size(), "g0 waits for its retry, the others moved to their next task");
            assertTrue(second.stream().allMatch(l -> l.task().id().endsWith("-1")));
        }
        try (SqliteTaskQueue reopened = SqliteTaskQueue.open(dir, Duration.ofMillis(1), Duration.ofMinutes(10))) {
            assertEquals(150 - 49, reopened.size());
        }
    }
}
