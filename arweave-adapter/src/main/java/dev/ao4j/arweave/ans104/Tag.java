package dev.ao4j.arweave.ans104;

import java.util.Objects;

/** One ANS-104 tag: an ordered name/value pair of UTF-8 strings. */
public record Tag(String name, String value) {
    public Tag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
