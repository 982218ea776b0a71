package dev.ao4j.su.core;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Signer;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.protocol.SlotTags;
import java.util.ArrayList;
import java.util.List;

/** Builds and signs Assignment data items with AO's tags in AO's order. */
public final class AssignmentSigner {
    private final Signer wallet;

    public AssignmentSigner(Signer wallet) {
        this.wallet = wallet;
    }

    /** @throws IllegalArgumentException when the tags exceed ANS-104's limits */
    public DataItem sign(String processId, long epoch, long nonce, String hashChain, long blockHeight, long timestamp,
                         String messageId, List<String> exclude) {
        List<Tag> tags = new ArrayList<>(10 + exclude.size());
        tags.add(new Tag("Process", processId));
        tags.add(new Tag("Epoch", Long.toString(epoch)));
        tags.add(new Tag("Nonce", Long.toString(nonce)));
        tags.add(new Tag("Hash-Chain", hashChain));
        tags.add(new Tag("Block-Height", SlotTags.blockHeightTag(blockHeight)));
        tags.add(new Tag("Timestamp", Long.toString(timestamp)));
        tags.add(new Tag("Data-Protocol", "ao"));
        tags.add(new Tag("Type", "Assignment"));
        tags.add(new Tag("Variant", "ao.TN.1"));
        if (messageId != null) {
            tags.add(new Tag("Message", messageId));
        }
        for (String field : exclude) {
            tags.add(new Tag("Exclude", field));
        }
        try {
            return DataItem.sign(wallet, null, null, tags, new byte[0]);
        } catch (Ans104Exception e) {
            // The caller's exclude list made the tags too many or too long: a refusal of that request.
            throw new IllegalArgumentException("assignment tags out of ANS-104 limits: " + e.getMessage(), e);
        }
    }
}
