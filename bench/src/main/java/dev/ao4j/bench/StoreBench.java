package dev.ao4j.bench;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.TagFilter;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ./ao4j bench store}: the embedded permanent store on this machine's disk. Durable puts/s (one
 * verified item per fsynced commit, the acknowledgement the units rely on; then 8 concurrent writers sharing
 * commits), then a fill to 1,000,000 items
 * (100,000 with --quick) shaped like AO traffic (10,000 processes, each message tagged Data-Protocol, Type,
 * Process, Nonce), then get-by-id and tag-query latencies over that store. Items are pre-signed with ED25519
 * so that signing does not dominate; every put still verifies its signature.
 */
public final class StoreBench implements BenchSuite {
    private static final int PROCESSES = 10_000;
    private static final int FILL_BATCH = 2_000;
    private static final int WRITERS = 8;

    @Override
    public String name() {
        return "store";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        int total = options.quick() ? 100_000 : 1_000_000;
        int durablePuts = options.quick() ? 300 : 2_000;
        int lookups = options.quick() ? 2_000 : 10_000;
        Wallet signer = Wallets.generate(WalletType.ED25519);
        Path dir = Files.createTempDirectory("ao4j-bench-store");
        List<BenchRow> rows = new ArrayList<>();
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dir, BlockClock.every(Duration.ofSeconds(120)))) {
            List<String> sampleIds = new ArrayList<>();

            List<DataItem> single = sign(signer, 0, durablePuts);
            long start = System.nanoTime();
            for (DataItem item : single) {
                store.put(item);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(BenchRow.of("store durable put (1 item/commit, fsync)", durablePuts / seconds, "puts/s"));
            single.stream().limit(100).map(DataItem::id).forEach(sampleIds::add);

            List<DataItem> concurrent = sign(signer, durablePuts, durablePuts);
            start = System.nanoTime();
            try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
                List<Future<?>> done = new ArrayList<>();
                for (DataItem item : concurrent) {
                    done.add(writers.submit(() -> store.put(item)));
                }
                for (Future<?> put : done) {
                    put.get();
                }
            }
            seconds = (System.nanoTime() - start) / 1e9;
            rows.add(BenchRow.of("store durable put, " + WRITERS + " writers (group commit)", durablePuts / seconds, "puts/s"));

            long fillStart = System.nanoTime();
            long fillStoreNanos = 0;
            for (int from = 2 * durablePuts; from < total; from += FILL_BATCH) {
                List<DataItem> batch = sign(signer, from, Math.min(FILL_BATCH, total - from));
                long t = System.nanoTime();
                store.putAll(batch);
                fillStoreNanos += System.nanoTime() - t;
                sampleIds.add(batch.get(batch.size() / 2).id());
            }
            rows.add(BenchRow.of("store batched put (" + FILL_BATCH + " items/commit)", (total - 2 * durablePuts) / (fillStoreNanos / 1e9), "puts/s"));
            rows.add(BenchRow.of("store fill to " + total + " items incl. signing", (System.nanoTime() - fillStart) / 1e9, "s"));

            SplittableRandom random = new SplittableRandom(7);
            long[] byId = new long[lookups];
            for (int i = 0; i < lookups; i++) {
                String id = sampleIds.get(random.nextInt(sampleIds.size()));
                long t = System.nanoTime();
                store.item(id).orElseThrow();
                store.data(id, ByteRange.ALL).orElseThrow();
                byId[i] = System.nanoTime() - t;
            }
            rows.add(BenchRow.of("store get by id (header + data) p50 @" + total, percentile(byId, 50), "µs"));
            rows.add(BenchRow.of("store get by id (header + data) p99 @" + total, percentile(byId, 99), "µs"));

            long[] byTag = new long[lookups / 10];
            for (int i = 0; i < byTag.length; i++) {
                String process = processId(random.nextInt(PROCESSES));
                ItemQuery query = ItemQuery.all().withFirst(10).withTags(TagFilter.of("Data-Protocol", "ao"),
                        TagFilter.of("Type", "Message"), TagFilter.of("Process", process));
                long t = System.nanoTime();
                int found = store.query(query).edges().size();
                byTag[i] = System.nanoTime() - t;
                if (found == 0) {
                    throw new IllegalStateException("tag query found nothing for " + process);
                }
            }
            rows.add(BenchRow.of("store tag query (3 tags, first 10) p50 @" + total, percentile(byTag, 50), "µs"));
            rows.add(BenchRow.of("store tag query (3 tags, first 10) p99 @" + total, percentile(byTag, 99), "µs"));

            long[] broad = new long[lookups / 10];
            for (int i = 0; i < broad.length; i++) {
                long t = System.nanoTime();
                store.query(ItemQuery.all().withFirst(100).withTags(TagFilter.of("Data-Protocol", "ao")));
                broad[i] = System.nanoTime() - t;
            }
            rows.add(BenchRow.of("store tag query (1 common tag, first 100) p50 @" + total, percentile(broad, 50), "µs"));
        } finally {
            deleteTree(dir);
        }
        return rows;
    }

    /** Items shaped like AO messages: a process id tag, a nonce, and a small JSON body. */
    private static List<DataItem> sign(Wallet signer, int from, int count) throws Ans104Exception {
        List<DataItem> items = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            int process = n % PROCESSES;
            List<Tag> tags = List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"), new Tag("Type", "Message"),
                    new Tag("Process", processId(process)), new Tag("Nonce", Integer.toString(n / PROCESSES)));
            byte[] data = ("{\"Action\":\"Transfer\",\"Quantity\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8);
            items.add(DataItem.sign(signer, null, null, tags, data));
        }
        return items;
    }

    private static String processId(int process) {
        String digits = Integer.toString(process);
        return "P".repeat(43 - digits.length()) + digits;
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
