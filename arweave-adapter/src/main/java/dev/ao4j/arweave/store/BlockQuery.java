package dev.ao4j.arweave.store;

import java.util.List;

/** A gateway {@code blocks} query: by ids and/or a height range, paged. */
public record BlockQuery(List<String> ids, HeightRange height, int first, String after, SortOrder sort) {
    public BlockQuery {
        ids = List.copyOf(ids);
        height = height == null ? HeightRange.ANY : height;
        sort = sort == null ? SortOrder.HEIGHT_DESC : sort;
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative: " + first);
        }
        first = Math.min(first, ItemQuery.MAX_FIRST);
    }

    public static BlockQuery heights(HeightRange range, int first, SortOrder sort) {
        return new BlockQuery(List.of(), range, first, null, sort);
    }
}
