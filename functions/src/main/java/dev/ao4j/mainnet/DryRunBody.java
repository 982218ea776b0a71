package dev.ao4j.mainnet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.ans104.TagCodec;
import dev.ao4j.protocol.TagJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The CU's dry-run body {@code {Id, Target, Owner, Anchor, Data, Tags}} made from a mainnet caller's request. */
final class DryRunBody {
    private DryRunBody() {}

    static ObjectNode of(Caller caller, String process, List<Tag> tags) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Id", caller.messageId());
        body.put("Target", process);
        body.put("Owner", caller.owner());
        if (caller instanceof Caller.SignedItem signed) {
            signed.verified().item().anchorBytes().map(TagCodec::strictUtf8).filter(anchor -> !anchor.isEmpty())
                    .ifPresent(anchor -> body.put("Anchor", anchor));
        }
        body.put("Data", new String(caller.data(), StandardCharsets.UTF_8));
        body.set("Tags", TagJson.toJson(tags));
        return body;
    }
}
