package dev.ao4j.gateway;

import dev.ao4j.arweave.store.ByteRange;
import java.util.Optional;

/**
 * A single-range HTTP {@code Range: bytes=...} header against data of a known size: {@code a-b}, {@code a-}
 * or the suffix form {@code -n}. Several ranges are not served as multipart: the whole data is answered,
 * which RFC 9110 allows.
 */
record ByteRangeHeader(long first, long last) {

    /** Empty when there is no usable single range (answer 200 with everything). */
    static Optional<ByteRangeHeader> parse(String header, long size) throws UnsatisfiableRange {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String start = spec.substring(0, dash).trim();
            String end = spec.substring(dash + 1).trim();
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                if (suffix <= 0 || size == 0) {
                    throw new UnsatisfiableRange();
                }
                return Optional.of(new ByteRangeHeader(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
            if (first >= size || last < first) {
                throw new UnsatisfiableRange();
            }
            return Optional.of(new ByteRangeHeader(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    ByteRange toByteRange() {
        return ByteRange.inclusive(first, last);
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range lies outside the data: answer 416 with {@code Content-Range: bytes * /size}. */
    static final class UnsatisfiableRange extends Exception {
        UnsatisfiableRange() {
            super("range not satisfiable");
        }
    }
}
