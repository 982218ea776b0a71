package dev.ao4j.mu.core;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.protocol.AoItems;
import dev.ao4j.protocol.ProtocolException;
import dev.ao4j.protocol.VerifiedItem;

/** Checks what a client POSTs before anything is forwarded: a signed, valid ANS-104 item within AO's limits. */
public final class Intake {
    /** What a client may send to {@code POST /}. */
    public sealed interface AoItem {
        DataItem item();
    }

    public record UserMessage(DataItem item, String target) implements AoItem {}

    public record UserProcess(DataItem item, String scheduler) implements AoItem {}

    private Intake() {}

    /** A parsed item whose signature verifies (the checks of {@link AoItems#signedItem}). */
    public static DataItem signedItem(byte[] body) {
        try {
            return AoItems.signedItem(body);
        } catch (ProtocolException e) {
            throw new MuException(e.status(), e.getMessage());
        }
    }

    /** The body as an item verified once, for the units this node hands it to. */
    public static VerifiedItem verified(byte[] body) {
        try {
            return VerifiedItem.verify(body);
        } catch (ProtocolException e) {
            throw new MuException(e.status(), e.getMessage());
        }
    }

    /** An AO Message (with a target) or Process (with Module and Scheduler). */
    public static AoItem aoItem(VerifiedItem verified) {
        DataItem item = verified.item();
        if (!AoItems.isAo(item)) {
            throw MuException.badRequest("data item " + item.id() + " is not an AO item: it lacks the tag Data-Protocol: ao");
        }
        String type = AoItems.type(item);
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
