package dev.ao4j.arweave.store;

import java.util.List;

/**
 * A gateway {@code transactions} query: every non-empty criterion must hold (AND across tag filters, OR
 * within one filter's values). {@code after} is an opaque cursor from a previous page, or null.
 */
public record ItemQuery(
        List<String> ids,
        List<String> owners,
        List<String> recipients,
        List<TagFilter> tags,
        List<String> bundledIn,
        HeightRange block,
        int first,
        String after,
        SortOrder sort) {

    /** Arweave gateways cap a page at 100 items. */
    public static final int MAX_FIRST = 100;
    public static final int DEFAULT_FIRST = 10;

    public ItemQuery {
        ids = List.copyOf(ids);
        owners = List.copyOf(owners);
        recipients = List.copyOf(recipients);
        tags = List.copyOf(tags);
        bundledIn = List.copyOf(bundledIn);
        block = block == null ? HeightRange.ANY : block;
        sort = sort == null ? SortOrder.HEIGHT_DESC : sort;
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative: " + first);
        }
        first = Math.min(first, MAX_FIRST);
    }

    public static ItemQuery all() {
        return new ItemQuery(List.of(), List.of(), List.of(), List.of(), List.of(), HeightRange.ANY, DEFAULT_FIRST, null, SortOrder.HEIGHT_DESC);
    }

    public ItemQuery withIds(String... value) {
        return new ItemQuery(List.of(value), owners, recipients, tags, bundledIn, block, first, after, sort);
    }

    public ItemQuery withOwners(String... value) {
        return new ItemQuery(ids, List.of(value), recipients, tags, bundledIn, block, first, after, sort);
    }

    public ItemQuery withRecipients(String... value) {
        return new ItemQuery(ids, owners, List.of(value), tags, bundledIn, block, first, after, sort);
    }

    public ItemQuery withTags(TagFilter... value) {
        return new ItemQuery(ids, owners, recipients, List.of(value), bundledIn, block, first, after, sort);
    }

    public ItemQuery withBundledIn(String... value) {
        return new ItemQuery(ids, owners, recipients, tags, List.of(value), block, first, after, sort);
    }

    public ItemQuery withBlock(HeightRange value) {
        return new ItemQuery(ids, owners, recipients, tags, bundledIn, value, first, after, sort);
    }

    public ItemQuery withFirst(int value) {
        return new ItemQuery(ids, owners, recipients, tags, bundledIn, block, value, after, sort);
    }

    public ItemQuery withAfter(String value) {
        return new ItemQuery(ids, owners, recipients, tags, bundledIn, block, first, value, sort);
    }

    public ItemQuery withSort(SortOrder value) {
        return new ItemQuery(ids, owners, recipients, tags, bundledIn, block, first, after, value);
    }
}
