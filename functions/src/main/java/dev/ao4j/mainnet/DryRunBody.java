package dev.ao4j.mainnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.ans104.TagCodec;
import dev.ao4j.protocol.TagJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The CU's dry-run body {@code {Id, Target, Owner, Anchor, Data, Tags}} made from a mainnet caller's signed item. */
final class DryRunBody {
    private DryRunBody() {}

    static ObjectNode of(DataItem item, String process, List<Tag> tags) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Id", item.id());
        body.put("Target", process);
        body.put("Owner", item.ownerAddress());
        item.anchorBytes().map(TagCodec::strictUtf8).filter(anchor -> !anchor.isEmpty())
                .ifPresent(anchor -> body.put("Anchor", anchor));
        body.put("Data", new String(item.data(), StandardCharsets.UTF_8));
        body.set("Tags", TagJson.toJson(tags));
        return body;
    }
}
