package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.core.CronMessage;
import dev.ao4j.cu.core.Crons;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.core.Position;
import dev.ao4j.cu.port.BlockSource.Block;
import dev.ao4j.protocol.ProcessMeta;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where cron messages fall (AO's loadMessages: 1-second ticks from the left point, origin excluded). */
class CronsTest {
    private static final long T0 = 1_700_000_000_250L;
    private static final long H0 = 1_000;

    private static ProcessMeta process(Tag... tags) {
        return new ProcessMeta("P".repeat(43), "O".repeat(43), List.of(tags), T0, H0, null, null, null);
    }

    private static List<CronMessage> all(Iterator<CronMessage> it) {
        List<CronMessage> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static Position at(long timestamp, long height, long nonce) {
        return new Position(timestamp, nonce, null, height, null, null, 0);
    }

    @Test
    void timeCronsFireOnWholeSecondsPastTheOriginAndNotOnIt() {
        Crons crons = Crons.of(process(new Tag("Cron-Interval", "5-seconds"), new Tag("Cron-Tag-Action", "Tick")));
        List<CronMessage> due = all(crons.between(at(T0, H0, 0), T0 + 16_000, List.of()));
        assertEquals(List.of(T0 + 5_000, T0 + 10_000, T0 + 15_000), due.stream().map(CronMessage::timestamp).toList());
        assertEquals("0-5-seconds", due.get(0).cron());
        assertEquals(0, due.get(0).ordinate(), "ordinate: the nonce of the scheduled message before");
        assertEquals(List.of(new Tag("Action", "Tick")), due.get(0).tags(), "Cron-Tag- prefix removed");
    }

    @Test
    void ticksStartAtTheLeftPointsMillisecondsAndTheRightPointIsExclusive() {
        Crons crons = Crons.of(process(new Tag("Cron-Interval", "1-minute")));
        long left = T0 + 59_700; // second 59 past the origin second
        List<CronMessage> due = all(crons.between(at(left, H0, 4), left + 1001, List.of()));
        assertEquals(List.of(left + 1000), due.stream().map(CronMessage::timestamp).toList(),
                "the tick at second 60 carries the left point's milliseconds");
        assertEquals(List.of(), all(crons.between(at(left, H0, 4), left + 1000, List.of())));
    }

    @Test
    void timeCronsAreOrderedByPeriodAndIndexedWithinTheirKind() {
        Crons crons = Crons.of(process(new Tag("Cron-Interval", "1-hour"), new Tag("Cron-Tag-Action", "Hourly"),
                new Tag("Cron-Interval", "30-minutes"), new Tag("Cron-Tag-Action", "Half"),
                new Tag("Cron-Interval", "3-blocks")));
        List<CronMessage> due = all(crons.between(at(T0, H0, 0), T0 + 3_600_000 + 1, List.of()));
        assertEquals(List.of("0-30-minutes", "0-30-minutes", "1-1-hour"), due.stream().map(CronMessage::cron).toList());
        assertEquals(List.of("0-3-blocks", "0-30-minutes", "1-1-hour"), crons.specs().stream().map(c -> c.id()).toList());
    }

    @Test
    void blockCronsFireWhenATickReachesABlockAndCarryTheBlocksTime() {
        Crons crons = Crons.of(process(new Tag("Cron-Interval", "2-blocks"), new Tag("Cron-Tag-Action", "B"),
                new Tag("Cron-Interval", "1-minute")));
        List<Block> blocks = List.of(new Block(H0 + 1, T0 + 50_000), new Block(H0 + 2, T0 + 110_000), new Block(H0 + 3, T0 + 170_000));
        List<CronMessage> due = all(crons.between(at(T0, H0, 0), T0 + 180_000, blocks));
        assertEquals(List.of("0-1-minute", "0-2-blocks", "0-1-minute"), due.stream().map(CronMessage::cron).toList());
        CronMessage block = due.get(1);
        assertEquals(T0 + 110_000, block.timestamp());
        assertEquals(H0 + 2, block.blockHeight());
        assertEquals(H0 + 2, due.get(2).blockHeight(), "time crons after a block carry its height");
        assertEquals(H0 + 1, due.get(0).blockHeight());
    }

    @Test
    void malformedIntervalsAreRefused() {
        assertEquals(422, assertThrows(CuException.class, () -> Crons.of(process(new Tag("Cron-Tag-Action", "x")))).status());
        assertEquals(422, assertThrows(CuException.class, () -> Crons.of(process(new Tag("Cron-Interval", "500-ms")))).status());
        assertEquals(422, assertThrows(CuException.class, () -> Crons.of(process(new Tag("Cron-Interval", "5-fortnights")))).status());
        assertEquals(422, assertThrows(CuException.class, () -> Crons.of(process(new Tag("Cron-Interval", "0-blocks")))).status());
    }
}
