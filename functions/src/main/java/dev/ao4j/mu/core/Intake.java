package dev.ao4j.mu.core;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;

/** Checks what a client POSTs before anything is forwarded: a signed, valid ANS-104 item within AO's limits. */
public final class Intake {
    /** AO's MU and SU accept items up to 10 MiB. */
    public static final int MAX_ITEM_BYTES = 10 * 1024 * 1024;

    /** What a client may send to {@code POST /}. */
    public sealed interface AoItem {
        DataItem item();
    }

    public record UserMessage(DataItem item, String target) implements AoItem {}

    public record UserProcess(DataItem item, String scheduler) implements AoItem {}

    private Intake() {}

    /** A parsed item whose signature verifies. */
    public static DataItem signedItem(byte[] body) {
        if (body == null || body.length == 0) {
            throw MuException.badRequest("the request body must be a signed ANS-104 data item");
        }
        if (body.length > MAX_ITEM_BYTES) {
            throw new MuException(413, "data item of " + body.length + " bytes is over the " + MAX_ITEM_BYTES + "-byte limit");
        }
        DataItem item;
        try {
            item = DataItem.parse(body);
        } catch (Ans104Exception e) {
            throw MuException.badRequest("not a valid ANS-104 data item: " + e.getMessage());
        }
        if (!item.verify()) {
            throw MuException.badRequest("data item " + item.id() + ": signature does not verify");
        }
        return item;
    }

    /** An AO Message (with a target) or Process (with Module and Scheduler). */
    public static AoItem aoItem(byte[] body) {
        DataItem item = signedItem(body);
        if (!item.tagValues("Data-Protocol").contains("ao")) {
            throw MuException.badRequest("data item " + item.id() + " is not an AO item: it lacks the tag Data-Protocol: ao");
        }
        String type = item.tag("Type").orElse("");
        return switch (type) {
            case "Message" -> new UserMessage(item, item.target().orElseThrow(() ->
                    MuException.badRequest("message " + item.id() + " has no target process")));
            case "Process" -> {
                if (item.tag("Module").isEmpty()) {
                    throw MuException.badRequest("process " + item.id() + " has no Module tag");
                }
                yield new UserProcess(item, item.tag("Scheduler").orElseThrow(() ->
                        MuException.badRequest("process " + item.id() + " has no Scheduler tag")));
            }
            default -> throw MuException.badRequest("data item " + item.id() + " has Type '" + type
                    + "'; the MU accepts Type Message or Process");
        };
    }
}
