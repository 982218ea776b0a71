package dev.ao4j.cu.adapter;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.SortOrder;
import dev.ao4j.arweave.store.StoredItem;
import dev.ao4j.arweave.store.TagFilter;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.cu.core.EvaluationOrder;
import dev.ao4j.cu.core.Position;
import dev.ao4j.cu.port.CheckpointStore;
import dev.ao4j.cu.port.ProcessRuntime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checkpoints as AO writes them: a {@code Type: Checkpoint} data item signed by the CU wallet whose data is
 * the gzipped memory, with AO's tags (§1). ao4j adds {@code Runtime-Clock}, the runtime's {@code Date.now}
 * counter, without which a restored process would not evaluate exactly as the original. The newest
 * checkpoint of a process (by its Timestamp, Ordinate and Cron-Interval tags) signed by a trusted owner wins.
 */
public final class PermastoreCheckpoints implements CheckpointStore {
    private static final Logger LOG = Logger.getLogger(PermastoreCheckpoints.class);
    static final String RUNTIME_CLOCK = "Runtime-Clock";

    private final Permastore permastore;
    private final Wallet wallet;
    private final List<String> trustedOwners;

    public PermastoreCheckpoints(Permastore permastore, Wallet wallet, List<String> trustedOwners) {
        this.permastore = permastore;
        this.wallet = wallet;
        this.trustedOwners = trustedOwners.isEmpty() ? List.of(wallet.address()) : List.copyOf(trustedOwners);
    }

    @Override
    public String write(String processId, String moduleId, Position position, String messageId,
                        ProcessRuntime.Image image, String memorySha256) {
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag("Data-Protocol", "ao"));
        tags.add(new Tag("Variant", "ao.TN.1"));
        tags.add(new Tag("Type", "Checkpoint"));
        tags.add(new Tag("Module", moduleId));
        tags.add(new Tag("Process", processId));
        tags.add(new Tag("Nonce", Long.toString(position.ordinate())));
        tags.add(new Tag("Timestamp", Long.toString(position.timestamp())));
        tags.add(new Tag("Block-Height", Long.toString(position.blockHeight())));
        tags.add(new Tag("Content-Type", "application/octet-stream"));
        tags.add(new Tag("SHA-256", memorySha256));
        tags.add(new Tag("Content-Encoding", "gzip"));
        tags.add(new Tag("Unit-Identifier", wallet.address()));
        tags.add(new Tag("Ordinate", Long.toString(position.ordinate())));
        if (position.assignmentId() != null) {
            tags.add(new Tag("Assignment", position.assignmentId()));
        }
        if (position.hashChain() != null) {
            tags.add(new Tag("Hash-Chain", position.hashChain()));
        }
        tags.add(new Tag("Epoch", Long.toString(position.epoch())));
        if (position.cron() != null) {
            tags.add(new Tag("Cron-Interval", position.cron()));
        }
        if (image.clock() != null) {
            tags.add(new Tag(RUNTIME_CLOCK, Long.toString(image.clock())));
        }
        try {
            DataItem item = DataItem.sign(wallet, null, null, tags, image.gzippedMemory());
            PermastoreSource.call("checkpoint of " + processId, () -> permastore.put(item));
            return item.id();
        } catch (Ans104Exception e) {
            throw new IllegalStateException("checkpoint tags out of ANS-104 limits: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Checkpoint> newest(String processId) {
        ItemQuery query = ItemQuery.all().withOwners(trustedOwners.toArray(String[]::new))
                .withTags(TagFilter.of("Process", processId), TagFilter.of("Type", "Checkpoint"),
                        TagFilter.of("Data-Protocol", "ao"))
                .withSort(SortOrder.HEIGHT_DESC).withFirst(ItemQuery.MAX_FIRST);
        List<Candidate> candidates = new ArrayList<>();
        for (StoredItem item : PermastoreSource.call("checkpoints of " + processId, () -> permastore.query(query)).nodes()) {
            try {
                candidates.add(new Candidate(item, position(item)));
            } catch (RuntimeException e) {
                LOG.warnf("ignoring checkpoint %s of process %s: %s", item.id(), processId, e.getMessage());
            }
        }
        return candidates.stream()
                .max(Comparator.comparing(Candidate::position, (a, b) -> EvaluationOrder.compare(a.timestamp(),
                        a.ordinate(), a.cron(), b.timestamp(), b.ordinate(), b.cron())))
                .flatMap(candidate -> load(processId, candidate));
    }

    private record Candidate(StoredItem item, Position position) {}

    private Optional<Checkpoint> load(String processId, Candidate candidate) {
        StoredItem item = candidate.item();
        return PermastoreSource.call("checkpoint " + item.id(), () -> permastore.data(item.id(), ByteRange.ALL))
                .map(slice -> new Checkpoint(item.id(), processId, item.tag("Module").orElse(null), candidate.position(),
                        null, item.tag("SHA-256").orElse(null),
                        new ProcessRuntime.Image(slice.bytes(), item.tag(RUNTIME_CLOCK).map(Long::parseLong).orElse(null))));
    }

    private static Position position(StoredItem item) {
        long nonce = Long.parseLong(item.tag("Nonce").orElseThrow());
        long ordinate = item.tag("Ordinate").map(Long::parseLong).orElse(nonce);
        return new Position(Long.parseLong(item.tag("Timestamp").orElseThrow()), ordinate,
                item.tag("Cron-Interval").orElse(null), Long.parseLong(item.tag("Block-Height").orElseThrow()),
                item.tag("Assignment").orElse(null), item.tag("Hash-Chain").orElse(null),
                item.tag("Epoch").map(Long::parseLong).orElse(0L));
    }
}
