package dev.ao4j.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chaos run CI makes: 45 s of aoconnect traffic against `./ao4j up`, three kill -9 with a restart each,
 * and then nothing acknowledged may be missing, lost, duplicated, out of chain or different from a fresh replay.
 */
@Tag("slow")
class ChaosRunTest {
    @Test
    void trafficWithThreeKillsLosesNothing() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent(); // the bench module runs in bench/
        // 45 s of traffic: since the node got faster it sends more in that time than a minute did before, and the
        // check after the kills replays every message.
        ChaosReport report = new ChaosRun(root, 0.75, 4, 3, 7).run();
        report.print(System.out);
        assertEquals(3, report.kills());
        assertTrue(report.acknowledged() > 0, "the traffic got through between the kills");
        assertEquals(0, report.unanswered(), "acknowledged messages without a result: " + report.problems());
        assertEquals(0, report.lost(), "lost deliveries: " + report.problems());
        assertEquals(0, report.duplicated(), "duplicated deliveries: " + report.problems());
        assertEquals(0, report.brokenLogs(), "SU logs with a gap or a broken hash chain: " + report.problems());
        assertEquals(0, report.diverging(), "processes differing from a fresh replay: " + report.problems());
    }
}
