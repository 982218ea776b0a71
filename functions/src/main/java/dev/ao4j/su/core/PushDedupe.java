package dev.ao4j.su.core;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.DeepHash;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.ans104.TagCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The content key by which a pushed message is recognised when it arrives again re-signed (an MU retry gives
 * the same content a new id): the deep hash of who signed it and what it carries — owner, target, anchor, tags
 * without {@code Pushed-For}, data. AO's SU leaves the owner out; ao4j keeps it, because a push is public before
 * it arrives (the CU's results are) and anyone may sign a copy: without the owner a stranger's copy, pushed
 * first, would make the genuine push a duplicate and the process would get only the copy it does not trust.
 * A retrying MU signs with the same wallet, so its re-signed push still matches.
 */
final class PushDedupe {
    private static final byte[] DATAITEM = "dataitem".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ONE = "1".getBytes(StandardCharsets.UTF_8);

    private PushDedupe() {}

    static String key(DataItem item) {
        List<Tag> tags = item.tags().stream().filter(tag -> !tag.name().equals("Pushed-For")).toList();
        byte[] target = item.target().map(Base64Url::decode).orElse(new byte[0]);
        byte[] anchor = item.anchorBytes().orElse(new byte[0]);
        byte[] hash = DeepHash.hash(List.of(DATAITEM, ONE, ONE, item.owner(), target, anchor, TagCodec.encode(tags), item.data()));
        return Base64Url.encode(hash);
    }
}
