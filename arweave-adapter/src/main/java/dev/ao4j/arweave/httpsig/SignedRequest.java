package dev.ao4j.arweave.httpsig;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a verifier sees of an HTTP request, independent of any server framework: the derived components of RFC 9421
 * §2.2 and the header fields (names lowercased, each name's values in the order received).
 *
 * @param path  the request target's path as received (not decoded)
 * @param query the query string without {@code ?}, or null when the target has none
 */
public record SignedRequest(String method, String scheme, String authority, String path, String query,
                            Map<String, List<String>> headers, byte[] body) {
    public SignedRequest {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
        headers = lower;
        body = body == null ? new byte[0] : body;
    }

    /** A header's values combined as RFC 9421 §2.1 says: each trimmed, joined by ", "; empty when absent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", values.stream().map(String::strip).toList()));
    }
}
