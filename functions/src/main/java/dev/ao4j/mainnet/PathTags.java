package dev.ao4j.mainnet;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.http.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The {@code &Name=Value&…} pairs HyperBEAM paths carry after a key (aoconnect sends dry-run tags this way). */
final class PathTags {
    /** More pairs than any AO message carries tags (ANS-104 allows 128). */
    static final int MAX_TAGS = 128;

    private PathTags() {}

    /** @param suffix {@code &A=1&B=2} as sent (not yet percent-decoded), or empty or null for none */
    static List<Tag> parse(String suffix) {
        List<Tag> tags = new ArrayList<>();
        if (suffix == null || suffix.isEmpty()) {
            return tags;
        }
        for (String pair : suffix.substring(suffix.startsWith("&") ? 1 : 0).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw ApiException.badRequest("a path tag must be Name=Value, not '" + pair + "'");
            }
            if (tags.size() == MAX_TAGS) {
                throw ApiException.badRequest("more than " + MAX_TAGS + " tags in the path");
            }
            tags.add(new Tag(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1))));
        }
        return tags;
    }

    /** Percent-decoding of a path: a '+' stays a '+'. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("a path tag is not valid percent-encoding: '" + text + "'");
        }
    }
}
