package dev.ao4j.arweave.store;

import dev.ao4j.arweave.ans104.Base64Url;
import java.nio.charset.StandardCharsets;

/** Opaque page cursors: b64url of {@code <kind>:<position>}, so a cursor from one query kind is refused by another. */
public final class Cursors {
    private Cursors() {}

    public static String encode(String kind, long position) {
        return Base64Url.encode((kind + ":" + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position in {@code cursor}, which must have been issued for {@code kind}. */
    public static long decode(String kind, String cursor) throws InvalidQueryException {
        try {
            String text = new String(Base64Url.decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(kind + ":")) {
                return Long.parseLong(text.substring(kind.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new InvalidQueryException("after: '" + cursor + "' is not a cursor this gateway issued");
    }
}
