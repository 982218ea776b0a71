package dev.ao4j.protocol;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;

/**
 * The checks every unit makes on an item a client sends before anything is stored or forwarded: a signed, valid
 * ANS-104 item within AO's size limit, tagged {@code Data-Protocol: ao}. Failures are {@link ProtocolException}s
 * (400, or 413 for size); each unit turns them into its own error type.
 */
public final class AoItems {
    /** AO's MU and SU accept items (request bodies) up to 10 MiB. */
    public static final int MAX_ITEM_BYTES = 10 * 1024 * 1024;

    private AoItems() {}

    /** A parsed item whose signature verifies. */
    public static DataItem signedItem(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProtocolException.invalid("the request body must be a signed ANS-104 data item");
        }
        if (body.length > MAX_ITEM_BYTES) {
            throw ProtocolException.tooLarge("data item of " + body.length + " bytes is over the " + MAX_ITEM_BYTES
                    + "-byte limit");
        }
        DataItem item;
        try {
            item = DataItem.parse(body);
        } catch (Ans104Exception e) {
            throw ProtocolException.invalid("not a valid ANS-104 data item: " + e.getMessage());
        }
        if (!item.verify()) {
            throw ProtocolException.invalid("data item " + item.id() + ": signature does not verify");
        }
        return item;
    }

    /** Whether the item carries {@code Data-Protocol: ao}. */
    public static boolean isAo(DataItem item) {
        return item.tagValues("Data-Protocol").contains("ao");
    }

    /** The item's {@code Type} tag, or "" when it has none. */
    public static String type(DataItem item) {
        return item.tag("Type").orElse("");
    }
}
