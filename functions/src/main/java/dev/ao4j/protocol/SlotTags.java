package dev.ao4j.protocol;

import dev.ao4j.arweave.ans104.Tag;
import java.util.List;

/**
 * What an assignment's tags say about its slot: process, epoch, nonce, hash chain, block height, timestamp,
 * the assigned message id (absent on the process's own slot) and the excluded fields.
 */
public record SlotTags(String process, long epoch, long nonce, String hashChain, long blockHeight, long timestamp,
                       String message, List<String> exclude) {
    public SlotTags {
        exclude = List.copyOf(exclude);
    }

    /** Block heights are written as 12 zero-padded digits, as AO's SU does. */
    public static String blockHeightTag(long height) {
        return String.format("%012d", height);
    }

    static SlotTags of(List<Tag> tags, String where) {
        String process = required(tags, "Process", where);
        return new SlotTags(process,
                SuWire.parseLong(required(tags, "Epoch", where), "Epoch", where),
                SuWire.parseLong(required(tags, "Nonce", where), "Nonce", where),
                required(tags, "Hash-Chain", where),
                SuWire.parseLong(required(tags, "Block-Height", where), "Block-Height", where),
                SuWire.parseLong(required(tags, "Timestamp", where), "Timestamp", where),
                TagJson.first(tags, "Message").orElse(null),
                tags.stream().filter(tag -> tag.name().equals("Exclude")).map(Tag::value).toList());
    }

    private static String required(List<Tag> tags, String name, String where) {
        return TagJson.first(tags, name).orElseThrow(() ->
                ProtocolException.unprocessable(where + ": the assignment has no " + name + " tag"));
    }
}
