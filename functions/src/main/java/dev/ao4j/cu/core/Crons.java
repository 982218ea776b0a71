package dev.ao4j.cu.core;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.port.BlockSource.Block;
import dev.ao4j.protocol.ProcessMeta;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A process's cron schedule and the cron messages due between two points of its log, placed as AO's CU
 * places them: the CU ticks one second at a time from the left point; when a tick reaches the next block,
 * block crons whose height is a multiple of N blocks past the process's own block fire; then time crons
 * whose whole second is a multiple of N seconds past the process's own second fire. Neither fires at the
 * origin itself.
 */
public final class Crons {
    private static final String INTERVAL = "Cron-Interval";
    private static final String TAG_PREFIX = "Cron-Tag-";
    private static final long TICK_MILLIS = 1000;
    /** Time units the interval may use (the {@code ms} package's names), in milliseconds. */
    private static final Map<String, Double> UNIT_MILLIS = units();

    private final String processId;
    private final String processOwner;
    private final long originHeight;
    private final long originSecond;
    private final List<CronSpec> blockCrons;
    private final List<CronSpec> timeCrons;

    private Crons(ProcessMeta process, List<CronSpec> blockCrons, List<CronSpec> timeCrons) {
        this.processId = process.id();
        this.processOwner = process.owner();
        this.originHeight = process.blockHeight();
        this.originSecond = Math.floorDiv(process.timestamp(), 1000);
        this.blockCrons = blockCrons;
        this.timeCrons = timeCrons;
    }

    /** The schedule declared by the process's {@code Cron-Interval} / {@code Cron-Tag-*} tags. */
    public static Crons of(ProcessMeta process) {
        record Parsed(String interval, boolean blocks, long every, List<Tag> tags) {}
        List<Parsed> parsed = new ArrayList<>();
        for (Tag tag : process.tags()) {
            if (tag.name().equals(INTERVAL)) {
                Interval interval = parseInterval(tag.value());
                parsed.add(new Parsed(tag.value(), interval.blocks, interval.every, new ArrayList<>()));
            } else if (tag.name().startsWith(TAG_PREFIX) && tag.name().length() > TAG_PREFIX.length()) {
                if (parsed.isEmpty()) {
                    throw CuException.unprocessable("process " + process.id() + ": " + tag.name()
                            + " is not preceded by a Cron-Interval tag");
                }
                parsed.getLast().tags.add(new Tag(tag.name().substring(TAG_PREFIX.length()), tag.value()));
            }
        }
        List<Parsed> byBlocks = parsed.stream().filter(Parsed::blocks).toList();
        List<Parsed> byTime = parsed.stream().filter(p -> !p.blocks).sorted(Comparator.comparingLong(Parsed::every)).toList();
        List<CronSpec> blockCrons = new ArrayList<>();
        for (int i = 0; i < byBlocks.size(); i++) {
            Parsed p = byBlocks.get(i);
            blockCrons.add(new CronSpec(i + "-" + p.interval, p.interval, true, p.every, p.tags));
        }
        List<CronSpec> timeCrons = new ArrayList<>();
        for (int i = 0; i < byTime.size(); i++) {
            Parsed p = byTime.get(i);
            timeCrons.add(new CronSpec(i + "-" + p.interval, p.interval, false, p.every, p.tags));
        }
        return new Crons(process, blockCrons, timeCrons);
    }

    public boolean isEmpty() {
        return blockCrons.isEmpty() && timeCrons.isEmpty();
    }

    public boolean hasBlockCrons() {
        return !blockCrons.isEmpty();
    }

    public List<CronSpec> specs() {
        List<CronSpec> all = new ArrayList<>(blockCrons);
        all.addAll(timeCrons);
        return all;
    }

    /**
     * The cron messages strictly after the tick grid starting at {@code left} and before {@code rightTimestamp}.
     *
     * @param left   the point after which crons are placed (a scheduled message, a cron, or the process's slot);
     *               its timestamp is the first tick
     * @param blocks blocks after {@code left}'s, ascending (only those with a timestamp strictly between the two
     *               points are used)
     */
    public Iterator<CronMessage> between(Position left, long rightTimestamp, List<Block> blocks) {
        Deque<Block> ahead = new ArrayDeque<>();
        for (Block block : blocks) {
            if (block.timestampMillis() > left.timestamp() && block.timestampMillis() < rightTimestamp) {
                ahead.add(block);
            }
        }
        return new Ticker(left, rightTimestamp, ahead);
    }

    private final class Ticker implements Iterator<CronMessage> {
        private final long ordinate;
        private final long right;
        private final Deque<Block> ahead;
        private final Deque<CronMessage> due = new ArrayDeque<>();
        private long tick;
        private long currentHeight;

        Ticker(Position left, long right, Deque<Block> ahead) {
            this.ordinate = left.ordinate();
            this.right = right;
            this.ahead = ahead;
            this.tick = left.timestamp();
            this.currentHeight = left.blockHeight();
        }

        @Override
        public boolean hasNext() {
            while (due.isEmpty() && tick < right) {
                advance();
            }
            return !due.isEmpty();
        }

        @Override
        public CronMessage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return due.poll();
        }

        private void advance() {
            Block next = ahead.peek();
            long second = Math.floorDiv(tick, 1000);
            if (next != null && second >= Math.floorDiv(next.timestampMillis(), 1000)) {
                ahead.poll();
                currentHeight = next.height();
                for (CronSpec cron : blockCrons) {
                    long sinceOrigin = next.height() - originHeight;
                    if (sinceOrigin != 0 && sinceOrigin % cron.every() == 0) {
                        due.add(message(cron, next.timestampMillis(), next.height()));
                    }
                }
            }
            for (CronSpec cron : timeCrons) {
                long sinceOrigin = second - originSecond;
                if (sinceOrigin != 0 && sinceOrigin % cron.every() == 0) {
                    due.add(message(cron, tick, currentHeight));
                }
            }
            tick += TICK_MILLIS;
        }

        private CronMessage message(CronSpec cron, long timestamp, long height) {
            return new CronMessage(processId, processOwner, cron.id(), timestamp, height, ordinate, cron.tags());
        }
    }

    private record Interval(boolean blocks, long every) {}

    private static Interval parseInterval(String text) {
        String[] parts = text.split("-");
        if (parts.length < 2) {
            throw CuException.unprocessable("Cron-Interval '" + text + "' is not <number>-<unit>");
        }
        String value = parts[0].trim();
        String unit = parts[1].trim().toLowerCase(Locale.ROOT);
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw CuException.unprocessable("Cron-Interval '" + text + "': '" + value + "' is not a number");
        }
        if (unit.equals("block") || unit.equals("blocks")) {
            long every = amount.longValue();
            if (every <= 0) {
                throw CuException.unprocessable("Cron-Interval '" + text + "' must be at least 1 block");
            }
            return new Interval(true, every);
        }
        Double millis = UNIT_MILLIS.get(unit);
        if (millis == null) {
            throw CuException.unprocessable("Cron-Interval '" + text + "': unknown unit '" + unit + "'");
        }
        long seconds = (long) Math.floor(Math.round(amount.doubleValue() * millis) / 1000.0);
        if (seconds <= 0) {
            throw CuException.unprocessable("Cron-Interval '" + text + "': time-based cron cannot be less than 1 second");
        }
        return new Interval(false, seconds);
    }

    private static Map<String, Double> units() {
        double s = 1000, m = 60 * s, h = 60 * m, d = 24 * h, w = 7 * d, y = 365.25 * d;
        Map<String, Double> units = new java.util.HashMap<>();
        for (String name : List.of("years", "year", "yrs", "yr", "y")) units.put(name, y);
        for (String name : List.of("weeks", "week", "w")) units.put(name, w);
        for (String name : List.of("days", "day", "d")) units.put(name, d);
        for (String name : List.of("hours", "hour", "hrs", "hr", "h")) units.put(name, h);
        for (String name : List.of("minutes", "minute", "mins", "min", "m")) units.put(name, m);
        for (String name : List.of("seconds", "second", "secs", "sec", "s")) units.put(name, s);
        for (String name : List.of("milliseconds", "millisecond", "msecs", "msec", "ms")) units.put(name, 1.0);
        return Map.copyOf(units);
    }
}
