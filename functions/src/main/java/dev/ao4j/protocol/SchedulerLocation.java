package dev.ao4j.protocol;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.SortOrder;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.store.TagFilter;
import dev.ao4j.arweave.wallet.Wallet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The record that tells MUs and CUs where a scheduler answers: a {@code Type: Scheduler-Location} item signed
 * by the SU wallet with its {@code Url} and {@code Time-To-Live}. AO resolves a process's SU by querying
 * the newest such record owned by the process's {@code Scheduler} address.
 */
public final class SchedulerLocation {
    private SchedulerLocation() {}

    /** Publishes the record unless the newest one already names this URL. */
    public static void publish(Permastore permastore, Wallet wallet, String url, Duration timeToLive) throws PermastoreException {
        if (newest(permastore, wallet.address()).flatMap(item -> item.tag("Url")).filter(url::equals).isPresent()) {
            return;
        }
        List<Tag> tags = List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Scheduler-Location"), new Tag("Url", url),
                new Tag("Time-To-Live", Long.toString(timeToLive.toMillis())));
        try {
            permastore.put(DataItem.sign(wallet, null, null, tags, new byte[] {' '}));
        } catch (Ans104Exception e) {
            throw new IllegalStateException("Scheduler-Location tags out of ANS-104 limits", e);
        }
    }

    /** The newest Scheduler-Location record of a scheduler wallet, as AO's scheduler-utils looks it up. */
    public static Optional<StoredItem> newest(Permastore permastore, String schedulerAddress) throws PermastoreException {
        ItemQuery query = ItemQuery.all().withOwners(schedulerAddress)
                .withTags(TagFilter.of("Data-Protocol", "ao"), TagFilter.of("Type", "Scheduler-Location"))
                .withSort(SortOrder.HEIGHT_DESC).withFirst(1);
        return permastore.query(query).nodes().stream().findFirst();
    }
}
