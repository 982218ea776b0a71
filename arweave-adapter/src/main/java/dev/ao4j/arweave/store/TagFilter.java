package dev.ao4j.arweave.store;

import java.util.List;

/** Matches items having a tag {@code name} whose value is one of {@code values}. */
public record TagFilter(String name, List<String> values) {
    public TagFilter {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("tag filter '" + name + "' has no values");
        }
    }

    public static TagFilter of(String name, String... values) {
        return new TagFilter(name, List.of(values));
    }
}
