package dev.ao4j.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.protocol.TagJson;

/** The one JSON shape {@code item inspect} and {@code bundle inspect} print for a data item. */
final class ItemSummary {
    private ItemSummary() {}

    static ObjectNode of(DataItem item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", item.id());
        node.put("signatureType", item.signatureType().code());
        node.put("owner", Base64Url.encode(item.owner()));
        node.put("ownerAddress", item.ownerAddress());
        putOptional(node, "target", item.target().orElse(null));
        putOptional(node, "anchor", item.anchor().orElse(null));
        node.set("tags", TagJson.toJson(item.tags()));
        node.put("dataSize", item.dataSize());
        node.put("valid", item.verify());
        return node;
    }

    private static void putOptional(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
