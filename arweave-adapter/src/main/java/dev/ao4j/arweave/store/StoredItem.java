package dev.ao4j.arweave.store;

import dev.ao4j.arweave.ans104.Tag;
import java.util.List;
import java.util.Optional;

/**
 * A stored item's header, the fields a gateway's GraphQL {@code Transaction} offers. {@code owner} is the
 * b64url public key, {@code signature} b64url; {@code block} is empty while the item is pending;
 * {@code contentType} comes from the item's {@code Content-Type} tag.
 */
public record StoredItem(
        String id,
        String signature,
        String owner,
        String ownerAddress,
        Optional<String> recipient,
        Optional<String> anchor,
        List<Tag> tags,
        long dataSize,
        Optional<String> contentType,
        Optional<BlockInfo> block,
        Optional<String> bundledIn) {

    public StoredItem {
        tags = List.copyOf(tags);
    }

    public Optional<String> tag(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).map(Tag::value).findFirst();
    }
}
