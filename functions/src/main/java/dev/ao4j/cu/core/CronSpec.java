package dev.ao4j.cu.core;

import dev.ao4j.arweave.ans104.Tag;
import java.util.List;

/**
 * One {@code Cron-Interval} of a process with the tags of the messages it generates.
 *
 * @param id       {@code <index>-<interval>}: the index within its kind (block crons in tag order, time
 *                 crons sorted by period), then the interval as written
 * @param blocks   true for an {@code N-blocks} interval, false for a time interval
 * @param every    blocks, or seconds
 */
public record CronSpec(String id, String interval, boolean blocks, long every, List<Tag> tags) {
    public CronSpec {
        tags = List.copyOf(tags);
    }
}
